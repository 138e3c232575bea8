// The hand-written TextMate grammar and language configuration of the extension. vscode-textmate and
// vscode-oniguruma are not installed, so a small tokenizer below follows TextMate's rules (leftmost
// match wins, ties go to the earlier pattern, begin/end rules nest) with JavaScript regexes; the
// grammar avoids syntax where Oniguruma and JavaScript differ, which the first tests enforce.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');
const grammar = JSON.parse(fs.readFileSync(path.join(root, 'extension/syntaxes/plan.tmLanguage.json'), 'utf-8')) as Grammar;
const languageConfig = JSON.parse(fs.readFileSync(path.join(root, 'extension/language-configuration.json'), 'utf-8'));

interface Rule {
    name?: string;
    match?: string;
    begin?: string;
    end?: string;
    include?: string;
    captures?: Record<string, { name: string }>;
    beginCaptures?: Record<string, { name: string }>;
    endCaptures?: Record<string, { name: string }>;
    patterns?: Rule[];
}
interface Grammar { scopeName: string; patterns: Rule[]; repository: Record<string, Rule> }
interface Token { text: string; scopes: string[] }

function allRules(): Rule[] {
    const out: Rule[] = [];
    const walk = (r: Rule) => { out.push(r); r.patterns?.forEach(walk); };
    grammar.patterns.forEach(walk);
    Object.values(grammar.repository).forEach(walk);
    return out;
}

/** The patterns a rule list stands for, with includes expanded. */
function expand(rules: Rule[]): Rule[] {
    return rules.flatMap(r => {
        if (r.include) {
            const target = r.include === '$self' ? { patterns: grammar.patterns } : grammar.repository[r.include.slice(1)];
            if (!target) throw new Error(`unknown include ${r.include}`);
            return target.match || target.begin ? [target] : expand(target.patterns ?? []);
        }
        return r.match || r.begin ? [r] : expand(r.patterns ?? []);
    });
}

const regexCache = new Map<string, RegExp>();
function regex(source: string): RegExp {
    let r = regexCache.get(source);
    if (!r) { r = new RegExp(source, 'dg'); regexCache.set(source, r); }
    return r;
}

/** Tokenizes text line by line; each token carries its scopes from outermost to innermost. */
function tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    const stack: Array<{ rule: Rule; scopes: string[] }> = [];
    for (const line of text.split('\n')) {
        let pos = 0;
        const emit = (from: number, to: number, scopes: string[]) => {
            if (to > from) tokens.push({ text: line.slice(from, to), scopes });
        };
        for (;;) {
            const top = stack[stack.length - 1];
            const scopes = top ? top.scopes : [grammar.scopeName];
            const candidates: Array<{ rule: Rule; isEnd: boolean; source: string }> = [];
            // The end pattern is tried first, so it wins ties (applyEndPatternLast is not used).
            if (top) candidates.push({ rule: top.rule, isEnd: true, source: top.rule.end! });
            for (const r of expand(top ? top.rule.patterns ?? [] : grammar.patterns)) {
                candidates.push({ rule: r, isEnd: false, source: (r.match ?? r.begin)! });
            }
            let best: { c: (typeof candidates)[number]; m: RegExpExecArray } | undefined;
            for (const c of candidates) {
                const re = regex(c.source);
                re.lastIndex = pos;
                const m = re.exec(line);
                if (m && (!best || m.index < best.m.index)) best = { c, m };
            }
            if (!best) { emit(pos, line.length, scopes); break; }
            const { c, m } = best;
            emit(pos, m.index, scopes);
            const end = m.index + m[0].length;
            const applyCaptures = (base: string[], caps: Rule['captures']) => {
                // Split the match by its captured groups (the grammar's groups do not nest).
                let at = m.index;
                const groups = Object.keys(caps ?? {}).map(Number).filter(g => g > 0 && m.indices?.[g])
                    .map(g => ({ g, range: m.indices![g]! })).sort((x, y) => x.range[0] - y.range[0]);
                if (caps?.['0']) base = [...base, caps['0'].name];
                for (const { g, range } of groups) {
                    emit(at, range[0], base);
                    emit(range[0], range[1], [...base, caps![String(g)]!.name]);
                    at = range[1];
                }
                emit(at, end, base);
            };
            if (c.isEnd) {
                applyCaptures(scopes, c.rule.endCaptures ?? c.rule.captures);
                stack.pop();
            } else if (c.rule.begin) {
                if (end === m.index) throw new Error(`begin matches nothing: ${c.rule.begin}`);
                const inner = c.rule.name ? [...scopes, c.rule.name] : scopes;
                applyCaptures(inner, c.rule.beginCaptures ?? c.rule.captures);
                stack.push({ rule: c.rule, scopes: inner });
            } else {
                if (end === m.index) throw new Error(`match matches nothing: ${c.rule.match}`);
                applyCaptures(c.rule.name ? [...scopes, c.rule.name] : scopes, c.rule.captures);
            }
            pos = end;
            if (pos >= line.length && !(stack.length && stack[stack.length - 1].rule.end === '$')) break;
        }
    }
    return tokens;
}

/** The innermost scope of each non-blank token, as "text → scope". */
function scopesOf(text: string): Array<[string, string]> {
    return tokenize(text).filter(t => t.text.trim()).map(t => [t.text.trim(), t.scopes[t.scopes.length - 1]]);
}
function scopeOf(line: string, word: string): string | undefined {
    return scopesOf(line).find(([t]) => t === word)?.[1];
}

describe('TextMate grammar', () => {
    test('is the source.plan grammar and every include resolves', () => {
        expect(grammar.scopeName).toBe('source.plan');
        for (const r of allRules()) {
            if (r.include && r.include !== '$self') expect(grammar.repository, r.include).toHaveProperty(r.include.slice(1));
        }
    });

    test('every regex compiles, in JavaScript and in unicode mode, without JavaScript-only syntax', () => {
        const sources = allRules().flatMap(r => [r.match, r.begin, r.end]).filter((s): s is string => !!s);
        expect(sources.length).toBeGreaterThan(15);
        for (const s of sources) {
            expect(() => new RegExp(s), s).not.toThrow();
            expect(() => new RegExp(s, 'u'), s).not.toThrow();
            // \uXXXX, \cX and (?<name>…) read differently, or not at all, in Oniguruma.
            expect(s, s).not.toMatch(/\\u[0-9a-fA-F]{4}|\\c[A-Za-z]|\(\?<[A-Za-z]/);
        }
    });

    test('every keyword of the Langium grammar is coloured as a keyword, never as a reference', () => {
        const langium = fs.readFileSync(path.join(root, 'grammar/plan.langium'), 'utf-8');
        const keywords = [...new Set([...langium.matchAll(/'([a-z][a-z-]*)'/g)].map(m => m[1]))];
        expect(keywords.length).toBeGreaterThan(80);
        for (const k of keywords) {
            const scope = scopeOf(k, k);
            expect(scope, k).toBeDefined();
            expect(scope, k).toMatch(/^(storage\.type|keyword\.|support\.type|constant\.language)/);
        }
    });

    test('declarations name their ids; references stay references', () => {
        expect(scopesOf('agency LDTBXH "Sở Lao động - Thương binh và Xã hội" department')).toEqual([
            ['agency', 'storage.type.declaration.plan'], ['LDTBXH', 'entity.name.type.plan'],
            ['"', 'punctuation.definition.string.begin.plan'], ['Sở Lao động - Thương binh và Xã hội', 'string.quoted.double.plan'],
            ['"', 'punctuation.definition.string.end.plan'], ['department', 'constant.language.enum.plan']
        ]);
        expect(scopeOf('plan hung_yen "Kế hoạch"', 'hung_yen')).toBe('entity.name.type.plan');
        expect(scopeOf('    indicator yt_bhyt "Tỷ lệ" {', 'yt_bhyt')).toBe('entity.name.type.plan');
        expect(scopeOf('    indicator ty_le_ho_ngheo', 'indicator')).toBe('keyword.other.field.plan');
        expect(scopeOf('    indicator ty_le_ho_ngheo', 'ty_le_ho_ngheo')).toBe('variable.other.reference.plan');
        expect(scopeOf('standard md2022 "Chuẩn nghèo" basis "NĐ 07"', 'md2022')).toBe('entity.name.type.plan');
        expect(scopeOf('    standard md2022', 'md2022')).toBe('variable.other.reference.plan');
        expect(scopeOf('    lead XD coordinate MTTQ', 'MTTQ')).toBe('variable.other.reference.plan');
        // The wording printed for an agency: "as" a keyword, the agency a reference, the wording a string.
        expect(scopesOf('    lead NN as "Sở Nông nghiệp và PTNT" YT')).toEqual([
            ['lead', 'keyword.other.field.plan'], ['NN', 'variable.other.reference.plan'], ['as', 'keyword.other.field.plan'],
            ['"', 'punctuation.definition.string.begin.plan'], ['Sở Nông nghiệp và PTNT', 'string.quoted.double.plan'],
            ['"', 'punctuation.definition.string.end.plan'], ['YT', 'variable.other.reference.plan']
        ]);
        expect(scopeOf('    task 1 ho_tro "Xây dựng" {', 'ho_tro')).toBe('entity.name.type.plan');
        expect(scopeOf('    group a "Về giải quyết" {', 'a')).toBe('entity.name.section.plan');
        expect(scopeOf('agency G "Các sở" group', 'group')).toBe('constant.language.enum.plan');
        expect(scopeOf('indicator-table "Bảng" annex "02"', 'indicator-table')).toBe('storage.type.declaration.plan');
    });

    test('plan is a declaration before an id and a year kind before a year', () => {
        expect(scopeOf('plan x', 'plan')).toBe('storage.type.declaration.plan');
        expect(scopesOf('        plan 2023 = 9,8')).toEqual([
            ['plan', 'constant.language.year-kind.plan'], ['2023', 'constant.numeric.plan'],
            ['=', 'keyword.operator.assignment.plan'], ['9,8', 'constant.numeric.plan']
        ]);
        expect(scopeOf('    years { 2021 result  2023 plan }', 'plan')).toBe('constant.language.year-kind.plan');
    });

    test('about compares before a number and names the subject before a string', () => {
        expect(scopeOf('    about 0,5', 'about')).toBe('keyword.operator.comparison.plan');
        expect(scopeOf('    implements "41-NQ/TU" dated 21/8/2023 by "Ban" about "về"', 'about')).toBe('keyword.other.field.plan');
        expect(scopeOf('    down-by between 2,2 and 2,5 from 2023', 'down-by')).toBe('keyword.operator.comparison.plan');
        expect(scopeOf('    down-by between 2,2 and 2,5 from 2023', 'and')).toBe('keyword.operator.comparison.plan');
    });

    test('year labels, numbers in both styles, dates and blanks', () => {
        expect(scopesOf('        2021:  29.822    946  3,17')).toEqual([
            ['2021', 'constant.numeric.year.plan'], [':', 'punctuation.separator.key-value.plan'],
            ['29.822', 'constant.numeric.plan'], ['946', 'constant.numeric.plan'], ['3,17', 'constant.numeric.plan']
        ]);
        expect(scopesOf('2025: 1,234.5 -3 -')).toEqual([
            ['2025', 'constant.numeric.year.plan'], [':', 'punctuation.separator.key-value.plan'],
            ['1,234.5', 'constant.numeric.plan'], ['-3', 'constant.numeric.plan'], ['-', 'constant.language.blank.plan']
        ]);
        expect(scopesOf('    date ?/11/2023')).toEqual([
            ['date', 'keyword.other.field.plan'], ['?', 'constant.language.blank.plan'],
            ['/', 'punctuation.separator.date.plan'], ['11', 'constant.numeric.month.plan'],
            ['/', 'punctuation.separator.date.plan'], ['2023', 'constant.numeric.year.plan']
        ]);
        expect(scopeOf('    columns households poor poor-rate near-poor-rate', 'poor-rate')).toBe('support.type.measure.plan');
        expect(scopeOf('    unit percent', 'percent')).toBe('support.type.unit.plan');
    });

    test('declared tables: units of any level, column declarations, range cells, flows and checks', () => {
        expect(scopeOf('commune XaA "Xã A" xa', 'XaA')).toBe('entity.name.type.plan');
        expect(scopeOf('region TDMNPB "Trung du và miền núi phía Bắc"', 'region')).toBe('storage.type.declaration.plan');
        expect(scopeOf('table muc_tieu "Chỉ tiêu" targets {', 'targets')).toBe('keyword.other.modifier.plan');
        expect(scopeOf('    row-header "Đơn vị"', 'row-header')).toBe('keyword.other.field.plan');
        expect(scopesOf('    column ty_le_tb "Tỷ lệ" percent rate-of trung_binh per households').filter(([t]) => !t.startsWith('"') && t !== 'Tỷ lệ')).toEqual([
            ['column', 'storage.type.declaration.plan'], ['ty_le_tb', 'entity.name.type.plan'], ['percent', 'support.type.unit.plan'],
            ['rate-of', 'keyword.other.field.plan'], ['trung_binh', 'variable.other.reference.plan'], ['per', 'keyword.other.field.plan'],
            ['households', 'support.type.measure.plan']
        ]);
        expect(scopeOf('    column poor-rate "Tỷ lệ" percent', 'poor-rate')).toBe('entity.name.type.plan');
        expect(scopesOf('households sum-of poor + near-poor')).toEqual([
            ['households', 'support.type.measure.plan'], ['sum-of', 'keyword.other.field.plan'], ['poor', 'support.type.measure.plan'],
            ['+', 'keyword.operator.arithmetic.plan'], ['near-poor', 'support.type.measure.plan']
        ]);
        expect(scopesOf('flow - thoat_ngheo + phat_sinh').map(([, s]) => s)).toEqual([
            'keyword.other.field.plan', 'keyword.operator.arithmetic.plan', 'variable.other.reference.plan',
            'keyword.operator.arithmetic.plan', 'variable.other.reference.plan'
        ]);
        // A range is a number; a '-' among cells stays a blank.
        expect(scopesOf('        2025: 410..460 3,0..3,4 -')).toEqual([
            ['2025', 'constant.numeric.year.plan'], [':', 'punctuation.separator.key-value.plan'],
            ['410', 'constant.numeric.plan'], ['..', 'punctuation.separator.range.plan'], ['460', 'constant.numeric.plan'],
            ['3,0', 'constant.numeric.plan'], ['..', 'punctuation.separator.range.plan'], ['3,4', 'constant.numeric.plan'],
            ['-', 'constant.language.blank.plan']
        ]);
        const check = 'check tong { poor(previous) - 10 = households rows units years 2024 2025 severity error message "Sai" en "Wrong" }';
        const scopes = scopesOf(check);
        expect(scopes.slice(0, 10)).toEqual([
            ['check', 'storage.type.declaration.plan'], ['tong', 'entity.name.type.plan'], ['{', 'punctuation.section.block.begin.plan'],
            ['poor', 'support.type.measure.plan'], ['(', 'punctuation.section.parens.begin.plan'], ['previous', 'constant.language.year-kind.plan'],
            [')', 'punctuation.section.parens.end.plan'], ['-', 'keyword.operator.arithmetic.plan'], ['10', 'constant.numeric.plan'],
            ['=', 'keyword.operator.comparison.plan']
        ]);
        for (const [word, scope] of [['rows', 'keyword.other.field.plan'], ['units', 'constant.language.enum.plan'], ['error', 'constant.language.enum.plan'],
            ['message', 'keyword.other.field.plan'], ['en', 'keyword.other.field.plan'], ['2025', 'constant.numeric.plan']]) {
            expect(scopeOf(check, word!), word).toBe(scope);
        }
        expect(scopes.at(-1)).toEqual(['}', 'punctuation.section.block.end.plan']);
        expect(scopeOf('check c { poor <= near-poor message "x" }', '<=')).toBe('keyword.operator.comparison.plan');
        expect(scopeOf('    group 1 "Nhóm" {\n        lead LDTBXH coordinate MTTQ', 'LDTBXH')).toBe('variable.other.reference.plan');
    });

    test('comments and strings hide what is inside them', () => {
        expect(scopesOf('// plan agency 2021: "x"')).toEqual([
            ['//', 'punctuation.definition.comment.plan'], ['plan agency 2021: "x"', 'comment.line.double-slash.plan']
        ]);
        const block = tokenize('/* agency X\n   2021: 1 */ agency Y "y"');
        expect(block.filter(t => t.text.includes('agency X') || t.text.includes('2021')).every(t => t.scopes.includes('comment.block.plan'))).toBe(true);
        expect(scopeOf('/* agency X\n   2021: 1 */ agency Y "y"', 'Y')).toBe('entity.name.type.plan');
        expect(scopesOf('text "a \\" lead X // not a comment" lead Y').slice(-2)).toEqual([
            ['lead', 'keyword.other.field.plan'], ['Y', 'variable.other.reference.plan']
        ]);
        const multi = tokenize('purpose "dòng 1\ndòng 2 agency" agency Z "z"');
        expect(multi.find(t => t.text.startsWith('dòng 2'))?.scopes).toContain('string.quoted.double.plan');
    });

    test('the seed plan has no character left unscoped and no declared id read as a reference', () => {
        const seed = fs.readFileSync(path.join(root, 'examples/hung-yen-giam-ngheo-2023-2025.plan'), 'utf-8');
        const tokens = tokenize(seed);
        const bare = tokens.filter(t => t.text.trim() && t.scopes.length === 1);
        expect(bare.map(t => t.text)).toEqual([]);
        const declared = [...seed.matchAll(/^\s*(?:agency|district|dimension|table|target|standard)\s+(\w+)/gm)].map(m => m[1]);
        expect(declared.length).toBeGreaterThan(30);
        const named = new Set(tokens.filter(t => t.scopes.includes('entity.name.type.plan')).map(t => t.text));
        expect(declared.filter(d => !named.has(d))).toEqual([]);
    });
});

describe('language configuration', () => {
    const word = new RegExp(languageConfig.wordPattern, 'g');

    test('words include Vietnamese letters (composed and decomposed), hyphenated keywords and printed numbers', () => {
        expect('Sở Lao động - Thương binh và Xã hội'.match(word)).toEqual(['Sở', 'Lao', 'động', 'Thương', 'binh', 'và', 'Xã', 'hội']);
        expect('Nghe\u0302\u0300o Ỹ đ'.match(word)).toEqual(['Nghe\u0302\u0300o', 'Ỹ', 'đ']);
        expect('columns poor-rate thi-xa'.match(word)).toEqual(['columns', 'poor-rate', 'thi-xa']);
        expect('29.822 3,17 -3 2023-2025'.match(word)).toEqual(['29.822', '3,17', '-3', '2023', '2025']);
        // A range of targets is one word, as it is one token.
        expect('410..460 3,0..3,4 -5..5'.match(word)).toEqual(['410..460', '3,0..3,4', '-5..5']);
    });

    test('comments, brackets and quotes match the grammar', () => {
        expect(languageConfig.comments).toEqual({ lineComment: '//', blockComment: ['/*', '*/'] });
        expect(languageConfig.brackets).toEqual([['{', '}']]);
        const pairs = languageConfig.autoClosingPairs.map((p: { open: string; close: string }) => p.open + p.close);
        expect(pairs).toEqual(expect.arrayContaining(['{}', '""']));
        expect(languageConfig.surroundingPairs).toEqual(expect.arrayContaining([['"', '"'], ['{', '}']]));
        const increase = new RegExp(languageConfig.indentationRules.increaseIndentPattern);
        expect(increase.test('row 1 PhuCu {')).toBe(true);
        expect(increase.test('agency A "a" { short "x" }')).toBe(false);
        expect(increase.test('// a comment {')).toBe(false);
    });
});
