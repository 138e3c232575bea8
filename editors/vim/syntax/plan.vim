" Vim syntax file (Vim 8 and Neovim 0.7 or later)
" Language:  Plan as Code (.plan), the language of grammar/plan.langium
" Keywords:  every keyword of the Langium grammar stands in exactly one `syn keyword` list below
"            (a `contained` list only repeats one in its context); test/unit/editor-syntax.test.ts
"            compares the lists with the grammar, so a keyword added to the grammar fails that test
"            until it is listed here (and in editors/emacs/plan-mode.el).

if exists('b:current_syntax')
  finish
endif
let s:cpo_save = &cpo
set cpo&vim

syn case match
" Keywords may hold a hyphen (part-of, poor-rate, thi-xa); ids are ASCII letters, digits and _.
syn iskeyword @,48-57,_,-

" Any other id refers to a declaration (lead LDTBXH, of phu_luc_01, row 1 PhuCu).
syn match   planReference   "\%(\w\|-\)\@<!\h\w*"
" The name after a declaration keyword (agency LDTBXH, table phu_luc_01, group 1, section I).
syn match   planName        "\w\+" contained

" Declarations: what a block or a line declares.
syn keyword planDeclaration agency district region province commune dimension nextgroup=planName skipwhite
syn keyword planDeclaration indicator table target section solution column check nextgroup=planName skipwhite
syn keyword planDeclaration group standard source nextgroup=planName skipwhite
syn keyword planDeclaration header indicator-table row tasks task funding duties subtotal total solutions link
" Fields of a declaration.
syn keyword planField       part-of number-style for number code issuer-short issuer place kind title preamble
syn keyword planField       recipient date period to orientation implements dated by signer position
syn keyword planField       authority deputy purpose requirement objective closing basis from short alias
syn keyword planField       full-name heading unit direction computed of annex lead as coordinate year
syn keyword planField       years columns text submit note via row-header plans-per-unit rate-of per sum-of flow change-of decrease-of increase-of start end rows
syn keyword planField       severity message en targets
" Comparisons of a target (below = dưới, at-most = không quá, about = khoảng …).
syn keyword planComparison  below at-most at-least above equal between and down-by up-by tolerance about
" The predeclared columns and the units.
syn keyword planMeasure     households poor poor-rate near-poor near-poor-rate multidim multidim-rate
syn keyword planUnit        percent persons points
" Kinds of years.
syn keyword planYearKind    plan result estimate actual baseline previous
" The other enumerations: number styles, agency kinds, unit kinds, directions, check options.
syn keyword planEnum        vi international department bank committee front other huyen thi-xa
syn keyword planEnum        thanh-pho quan xa phuong thi-tran lower higher units totals all error
syn keyword planEnum        warning info

" '-' is a blank table cell, '?' a blank part of a date; + and - between columns, comparisons in checks.
syn match   planBlank       "\%(\w\|[.,-]\)\@<!-\%(\w\|[.,-]\)\@!"
syn match   planOperator    "<=\|>=\|!=\|[<>=+]"
syn match   planOperator    "-\ze\s*\h"
syn match   planBlank       "?"

" Numbers as printed, in either style: 29.822, 3,17, 1.234,5, -3; ranges of targets 410..460, 3,0..3,4.
syn match   planNumber      "\%(\w\|[.,]\)\@<!-\?\d\+\%([.,]\d\+\)*\w\@!"
syn match   planRange       "\%(\w\|[.,]\)\@<!-\?\d\+\%([.,]\d\+\)*\.\.-\?\d\+\%([.,]\d\+\)*\w\@!"
" A date as printed, ?/11/2023 and 21/8/2023.
syn match   planDate        "\%(\w\|[.,/?]\)\@<!\%(\d\{1,2}\|?\)/\%(\d\{1,2}\|?\)/\d\{4}\%(\w\|[.,/]\)\@!"
" 2021: opens a year line of a table row.
syn match   planYearLabel   "\%(\w\|[.,-]\)\@<!\d\{4}:"

" Strings may span lines; \" and \\ are escapes.
syn region  planString      start=+"+ skip=+\\\\\|\\"+ end=+"+ contains=planEscape,@Spell
syn match   planEscape      "\\." contained

syn keyword planTodo        TODO FIXME XXX NOTE contained
syn region  planComment     start="//" end="$" keepend contains=planTodo,@Spell
syn region  planComment     start="/\*" end="\*/" contains=planTodo,@Spell

" The file's first word: plan NAME "title" (elsewhere plan is a kind of year). The region holds the
" comments before it and ends at the first other word, so a file that does not start so loses nothing.
" Defined after the comments: at the first column of the file it must win over a comment.
syn keyword planDeclaration plan contained nextgroup=planName skipwhite
syn region  planHead        start="\%^" end="\%(\<plan\s\+\)\@<!\%(plan\>\)\@![^/[:space:]]"me=s-1 transparent contains=planComment,planDeclaration

syn sync minlines=100

hi def link planDeclaration Structure
hi def link planField       Keyword
hi def link planComparison  Operator
hi def link planOperator    Operator
hi def link planMeasure     Type
hi def link planUnit        Type
hi def link planYearKind    Constant
hi def link planEnum        Constant
hi def link planName        Function
hi def link planReference   Identifier
hi def link planNumber      Number
hi def link planRange       Number
hi def link planDate        Number
hi def link planYearLabel   Label
hi def link planBlank       Special
hi def link planString      String
hi def link planEscape      SpecialChar
hi def link planComment     Comment
hi def link planTodo        Todo

let b:current_syntax = 'plan'
let &cpo = s:cpo_save
unlet s:cpo_save
