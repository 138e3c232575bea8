;;; plan-mode.el --- Major mode for Plan as Code (.plan) files  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages
;; URL: https://github.com/plan-as-code/plan-as-code

;;; Commentary:

;; Font-lock, comments (// and /* */), indentation by braces and `auto-mode-alist' for the
;; language of grammar/plan.langium, and the plan language server registered with eglot
;; (built into Emacs 29; Debian's elpa-eglot for Emacs 28):
;;
;;   (add-to-list 'load-path "~/plan-as-code/editors/emacs")
;;   (require 'plan-mode)
;;   (add-hook 'plan-mode-hook #'eglot-ensure)
;;
;; `plan-server-path' is the server, extension/out/server.cjs after `npm ci && npm run build';
;; by default the one of the checkout this file stands in.
;;
;; Every keyword of the Langium grammar stands in exactly one `plan-*-keywords' list below;
;; test/unit/editor-syntax.test.ts compares the lists with the grammar, so a keyword added to the
;; grammar fails that test until it is listed here (and in editors/vim/syntax/plan.vim).

;;; Code:

(defgroup plan nil
  "Plan as Code: Vietnamese provincial government plans as text."
  :group 'languages
  :prefix "plan-")

(defcustom plan-server-path
  (expand-file-name "../../extension/out/server.cjs"
                    (file-name-directory (or load-file-name buffer-file-name default-directory)))
  "The plan language server, extension/out/server.cjs of a built checkout."
  :type 'file
  :group 'plan)

(defcustom plan-node-program "node"
  "The Node.js program (version 20 or later) that runs `plan-server-path'."
  :type 'string
  :group 'plan)

(defcustom plan-indent-offset 4
  "Columns of indentation per open brace."
  :type 'integer
  :safe #'integerp
  :group 'plan)

;;;; Keywords of the grammar

(defconst plan-declaration-keywords
  '("agency" "district" "region" "province" "commune" "dimension" "indicator" "table" "target"
    "section" "solution" "column" "check" "group" "standard" "source"
    "header" "indicator-table" "row" "tasks" "task" "funding" "duties" "subtotal" "total" "solutions" "link")
  "Keywords that declare a block or a line.")

(defconst plan-field-keywords
  '("part-of" "number-style" "for" "number" "code" "issuer-short" "issuer" "place" "kind" "title" "preamble"
    "recipient" "date" "period" "to" "orientation" "implements" "dated" "by" "signer" "position"
    "authority" "deputy" "purpose" "requirement" "objective" "closing" "basis" "from" "short" "alias"
    "full-name" "heading" "unit" "direction" "computed" "of" "annex" "lead" "as" "coordinate" "year"
    "years" "columns" "text" "submit" "note" "via" "row-header" "plans-per-unit" "rate-of" "per" "sum-of" "flow" "change-of" "decrease-of" "increase-of" "start" "end" "rows"
    "severity" "message" "en" "targets")
  "Keywords of the fields of a declaration.")

(defconst plan-comparison-keywords
  '("below" "at-most" "at-least" "above" "equal" "between" "and" "down-by" "up-by" "tolerance" "about")
  "Keywords of a target's comparison.")

(defconst plan-type-keywords
  '("households" "poor" "poor-rate" "near-poor" "near-poor-rate" "multidim" "multidim-rate"
    "percent" "persons" "points")
  "The predeclared columns and the units.")

(defconst plan-constant-keywords
  '("plan" "result" "estimate" "actual" "baseline" "previous"
    "vi" "international" "department" "bank" "committee" "front" "other" "huyen" "thi-xa"
    "thanh-pho" "quan" "xa" "phuong" "thi-tran" "lower" "higher" "units" "totals" "all" "error"
    "warning" "info")
  "Kinds of years and the other enumerations (\"plan\" also begins the file).")

;;;; Syntax and font-lock

(defvar plan-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?/ ". 124b" table)
    (modify-syntax-entry ?* ". 23" table)
    (modify-syntax-entry ?\n "> b" table)
    (modify-syntax-entry ?\r "> b" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?\\ "\\" table)
    ;; part-of, poor-rate, thi-xa are one symbol; ids are letters, digits and _.
    (modify-syntax-entry ?- "_" table)
    (modify-syntax-entry ?_ "_" table)
    (dolist (c '(?. ?, ?: ?= ?+ ?< ?> ?! ??))
      (modify-syntax-entry c "." table))
    table)
  "Syntax table of `plan-mode'.")

(defface plan-number-face
  '((t :inherit font-lock-constant-face))
  "Face of numbers as printed (29.822, 3,17), ranges and dates."
  :group 'plan)

(defface plan-year-label-face
  '((t :inherit font-lock-preprocessor-face))
  "Face of the year that opens a line of a table row (2021:)."
  :group 'plan)

(defconst plan--number "-?[0-9]+\\(?:[.,][0-9]+\\)*"
  "A number as printed: digits with '.' or ',' separators, either style.")

(defun plan--symbols (words)
  "A regexp matching any of WORDS as a whole symbol."
  (concat "\\_<" (regexp-opt words t) "\\_>"))

(defconst plan-font-lock-keywords
  `(;; 2021: opens a year line of a table row.
    (,"\\(?:^\\|[^[:alnum:]_.,-]\\)\\([0-9]\\{4\\}:\\)" 1 'plan-year-label-face)
    ;; A date as printed, ?/11/2023 and 21/8/2023.
    (,"\\(?:^\\|[^[:alnum:]_.,/?]\\)\\(\\(?:[0-9]\\{1,2\\}\\|\\?\\)/\\(?:[0-9]\\{1,2\\}\\|\\?\\)/[0-9]\\{4\\}\\)\\_>"
     1 'plan-number-face)
    ;; A range of targets (410..460, 3,0..3,4), then a number (29.822, 3,17, 1.234,5, -3).
    (,(concat "\\(?:^\\|[^[:alnum:]_.,]\\)\\(" plan--number "\\.\\." plan--number "\\)\\_>") 1 'plan-number-face)
    (,(concat "\\(?:^\\|[^[:alnum:]_.,]\\)\\(" plan--number "\\)\\_>") 1 'plan-number-face)
    ;; A declaration and the name it declares (agency LDTBXH, group 1, section I).
    (,(concat (plan--symbols plan-declaration-keywords) "\\(?:[ \t]+\\(\\(?:\\sw\\|\\s_\\)+\\)\\)?")
     (1 font-lock-keyword-face)
     (2 font-lock-function-name-face nil t))
    ;; plan NAME "title" on the first line.
    ("^\\(plan\\)[ \t]+\\([A-Za-z_][A-Za-z0-9_]*\\)"
     (1 font-lock-keyword-face) (2 font-lock-function-name-face))
    (,(plan--symbols plan-field-keywords) . font-lock-builtin-face)
    (,(plan--symbols plan-comparison-keywords) . font-lock-keyword-face)
    (,(plan--symbols plan-type-keywords) . font-lock-type-face)
    (,(plan--symbols plan-constant-keywords) . font-lock-constant-face)
    ;; Any other id refers to a declaration (lead LDTBXH, of phu_luc_01, row 1 PhuCu).
    ("\\_<[A-Za-z_][A-Za-z0-9_]*\\_>" . font-lock-variable-name-face))
  "Font-lock keywords of `plan-mode'.")

;;;; Indentation

(defun plan-indent-line ()
  "Indent the current line by the braces open before it."
  (interactive)
  (let* ((state (save-excursion (syntax-ppss (line-beginning-position))))
         (depth (car state))
         (closing (save-excursion (back-to-indentation) (looking-at-p "[})]")))
         (column (* plan-indent-offset (max 0 (if closing (1- depth) depth)))))
    (unless (nth 3 state)               ; a string that goes on from the line before
      (if (<= (current-column) (current-indentation))
          (indent-line-to column)
        (save-excursion (indent-line-to column))))))

;;;; The mode

;;;###autoload
(define-derived-mode plan-mode prog-mode "Plan"
  "Major mode for Plan as Code (.plan) files.
\\{plan-mode-map}"
  :syntax-table plan-mode-syntax-table
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "\\(?://+\\|/\\*+\\)\\s *")
  (setq-local indent-line-function #'plan-indent-line)
  (setq-local indent-tabs-mode nil)
  (setq-local font-lock-defaults '(plan-font-lock-keywords nil nil)))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.plan\\'" . plan-mode))

;;;; The language server, through eglot

(defun plan-server-command (&optional _interactive)
  "The command that starts the plan language server over stdio."
  (list plan-node-program (expand-file-name plan-server-path) "--stdio"))

;;;###autoload
(with-eval-after-load 'eglot
  (add-to-list 'eglot-server-programs (cons 'plan-mode #'plan-server-command)))

(provide 'plan-mode)
;;; plan-mode.el ends here
