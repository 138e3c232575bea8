// Go to definition, find references and rename across a province plan and a district plan that is
// part of it; the outline, folding ranges and semantic tokens of a plan.
import { CstUtils, GrammarAST, URI, type LangiumDocument } from 'langium';
import { SemanticTokensBuilder, SemanticTokensDecoder } from 'langium/lsp';
import fc from 'fast-check';
import * as fs from 'node:fs';
import { CompactSemanticTokensBuilder } from '../../language-server/src/lsp/semantic-tokens-builder.js';
import { fuzzRuns } from '../helpers/fast-check-seed.js';
import {
    clearDocuments, expectFindReferences, expectFoldings, expectGoToDefinition, expectSemanticToken, expectSymbols,
    highlightHelper, parseDocument
} from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { SemanticTokenModifiers, SemanticTokenTypes, SymbolKind, type DocumentSymbol, type Location, type TextEdit, type WorkspaceSymbol } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createTestServices, rangeOfText, SEED_PLAN } from '../helpers/plan.js';
import { DISTRICT, PROVINCE, offsetAfter } from '../lsp/fixtures.js';
import { ALL_KEYWORDS_PLANS } from './lsp-all-keywords.js';

const services = createTestServices('vi');
const PROVINCE_URI = 'file:///ws/tinh.plan';
const DISTRICT_URI = 'file:///ws/huyen.plan';

afterEach(async () => {
    await clearDocuments(services);
});

async function openBoth(): Promise<{ province: LangiumDocument; district: LangiumDocument }> {
    const province = await parseDocument(services, PROVINCE, { documentUri: PROVINCE_URI });
    const district = await parseDocument(services, DISTRICT, { documentUri: DISTRICT_URI });
    return { province, district };
}

function apply(document: LangiumDocument, edits: TextEdit[] | undefined): string {
    return TextDocument.applyEdits(document.textDocument as TextDocument, edits ?? []);
}

describe('definition and references', () => {
    test('go to definition from a lead to the agency declaration', async () => {
        const text = PROVINCE.replace('agency YT "Sở Y tế"', 'agency <|YT|> "Sở Y tế"').replace('lead YT coordinate LDTBXH', 'lead Y<|>T coordinate LDTBXH');
        await expectGoToDefinition(services)({ text, index: 0, rangeIndex: 0, disposeAfterCheck: true });
    });

    test('find references lists every use of a district in the file', async () => {
        const text = PROVINCE.replace('district PhuCu', 'district <|Phu<|>Cu|>').replace('row 1 PhuCu', 'row 1 <|PhuCu|>');
        await expectFindReferences(services)({ text, includeDeclaration: true, disposeAfterCheck: true });
    });

    test('a district plan part-of the province: definition and references cross the files', async () => {
        const { province, district } = await openBoth();
        const atDistrictLead = district.textDocument.positionAt(offsetAfter(DISTRICT, 'lead LDT'));
        const definition = await services.lsp.DefinitionProvider!.getDefinition(district, { textDocument: { uri: DISTRICT_URI }, position: atDistrictLead });
        expect(definition?.[0].targetUri).toBe(PROVINCE_URI);
        expect(definition?.[0].targetSelectionRange).toEqual(rangeOfText(PROVINCE, 'LDTBXH'));

        const atDeclaration = province.textDocument.positionAt(offsetAfter(PROVINCE, 'agency LDT'));
        const references = await services.lsp.ReferencesProvider!.findReferences(province, {
            textDocument: { uri: PROVINCE_URI }, position: atDeclaration, context: { includeDeclaration: false }
        });
        expect(references.map(r => r.uri).sort()).toEqual([DISTRICT_URI, PROVINCE_URI, PROVINCE_URI].sort());
    });
});

describe('rename', () => {
    test('renaming an agency in the province renames its uses in the district plan too', async () => {
        const { province, district } = await openBoth();
        const position = province.textDocument.positionAt(offsetAfter(PROVINCE, 'agency Y'));
        const edit = await services.lsp.RenameProvider!.rename(province, { textDocument: { uri: PROVINCE_URI }, position, newName: 'SYT' });
        const provinceAfter = apply(province, edit?.changes?.[PROVINCE_URI]);
        const districtAfter = apply(district, edit?.changes?.[DISTRICT_URI]);
        expect(provinceAfter).toContain('agency SYT "Sở Y tế"');
        expect(provinceAfter).toContain('lead SYT coordinate LDTBXH');
        expect(provinceAfter).not.toMatch(/\bYT\b/);
        expect(districtAfter).toContain('lead LDTBXH coordinate SYT');
        // Both files still link: no unknown reference after the rename.
        await clearDocuments(services);
        const p = await parseDocument(services, provinceAfter, { documentUri: PROVINCE_URI, validation: true });
        const d = await parseDocument(services, districtAfter, { documentUri: DISTRICT_URI, validation: true });
        expect([...p.diagnostics!, ...d.diagnostics!].filter(x => x.code === 'unknown-reference')).toEqual([]);
    });

    test('renaming from a use in the district renames the declaration in the province', async () => {
        const { district } = await openBoth();
        const position = district.textDocument.positionAt(offsetAfter(DISTRICT, 'coordinate Y'));
        const edit = await services.lsp.RenameProvider!.rename(district, { textDocument: { uri: DISTRICT_URI }, position, newName: 'SO_Y_TE' });
        expect(Object.keys(edit?.changes ?? {}).sort()).toEqual([DISTRICT_URI, PROVINCE_URI].sort());
        expect(edit!.changes![PROVINCE_URI]).toHaveLength(3); // the declaration and two leads
    });

    test('a new id the district plan already declares is refused: it would capture the renamed references', async () => {
        const province = await parseDocument(services, PROVINCE, { documentUri: PROVINCE_URI });
        await parseDocument(services, DISTRICT.replace('tasks "', 'agency SYT "Phòng Y tế huyện" department\n\ntasks "'), { documentUri: DISTRICT_URI });
        const position = province.textDocument.positionAt(offsetAfter(PROVINCE, 'agency Y'));
        await expect(services.lsp.RenameProvider!.rename(province, { textDocument: { uri: PROVINCE_URI }, position, newName: 'SYT' })).rejects.toThrow('đã được dùng');
        // another new id is fine
        const edit = await services.lsp.RenameProvider!.rename(province, { textDocument: { uri: PROVINCE_URI }, position, newName: 'SO_YT' });
        expect(Object.keys(edit!.changes!)).toHaveLength(2);
    });

    test('an invalid or taken id is refused with a message', async () => {
        const { province } = await openBoth();
        const position = province.textDocument.positionAt(offsetAfter(PROVINCE, 'agency Y'));
        const rename = (newName: string) => services.lsp.RenameProvider!.rename(province, { textDocument: { uri: PROVINCE_URI }, position, newName });
        await expect(rename('Sở Y tế')).rejects.toThrow('không hợp lệ');
        await expect(rename('lead')).rejects.toThrow('không hợp lệ');
        await expect(rename('XD')).rejects.toThrow('đã được dùng');
    });
});

describe('outline, folding, highlighting', () => {
    test('document symbols: agencies, districts, tables with rows, dimensions with indicators, targets, tasks', async () => {
        await expectSymbols(services)({
            text: PROVINCE,
            disposeAfterCheck: true,
            assert: (symbols: DocumentSymbol[]) => {
                const names = symbols.map(s => s.name);
                expect(names).toEqual(['Thông tin văn bản', 'md2022', 'LDTBXH', 'YT', 'XD', 'KHDT', 'PhuCu', 'TPHungYen', 'phu_luc_01', 'ty_le_ho_ngheo', 'y_te', 'mt_bhyt', 'Nhiệm vụ']);
                const yt = symbols.find(s => s.name === 'YT')!;
                expect(yt.detail).toBe('Sở Y tế');
                expect(yt.kind).toBe(SymbolKind.Class);
                const table = symbols.find(s => s.name === 'phu_luc_01')!;
                expect(table.children!.map(c => c.name)).toEqual(['1. Phù Cừ', '2. TP Hưng Yên', 'Tổng cộng']);
                expect(symbols.find(s => s.name === 'y_te')!.children!.map(c => c.name)).toEqual(['yt_bhyt']);
                expect(symbols.find(s => s.name === 'Nhiệm vụ')!.children!.map(c => c.name)).toEqual(['1. Xây dựng chính sách hỗ trợ bảo hiểm y tế']);
            }
        });
    });

    test('folding: blocks, rows, and the run of agency declarations', async () => {
        const lines = PROVINCE.split('\n');
        const line = (prefix: string) => lines.findIndex(l => l.startsWith(prefix));
        const document = await parseDocument(services, PROVINCE);
        const ranges = await services.lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: { uri: document.uri.toString() } });
        const folds = ranges.map(r => `${r.startLine}-${r.endLine}`);
        // the run of agencies folds as one region
        expect(folds).toContain(`${line('agency LDTBXH')}-${line('agency KHDT')}`);
        // blocks fold up to the line before their closing brace
        const tableStart = line('table phu_luc_01');
        const tableEnd = lines.indexOf('}', tableStart);
        expect(folds).toContain(`${tableStart}-${tableEnd - 1}`);
        expect(folds).toContain(`${line('    row 1 PhuCu')}-${line('    row 2 TPHungYen') - 2}`);
        // a year line never folds
        expect(ranges.some(r => r.startLine === line('        2021: 29.822'))).toBe(false);
        await expectFoldings(services)({ text: 'plan p "P"\n<|header {\n    period 2023 to 2025|>\n}\n', disposeAfterCheck: true });
    });

    test('semantic tokens: declarations and references by kind, numbers and years', async () => {
        const text = PROVINCE
            .replace('agency YT "Sở Y tế"', 'agency <|YT|> "Sở Y tế"')
            .replace('lead YT coordinate LDTBXH', 'lead <|YT|> coordinate LDTBXH')
            .replace('row 1 PhuCu', 'row 1 <|PhuCu|>')
            .replace('2021: 29.822 946', '<|2021|>: <|29.822|> 946');
        const tokens = await highlightHelper(services)(text);
        // ranges in text order: YT declared, PhuCu in a row, the year 2021, the number 29.822, YT as a lead
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.class });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.namespace });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.enumMember });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: SemanticTokenTypes.number });
        expectSemanticToken(tokens, { rangeIndex: 4, tokenType: SemanticTokenTypes.class });
        // the declaration carries the "declaration" modifier, the reference does not
        const declarationBit = services.lsp.SemanticTokenProvider!.tokenModifiers[SemanticTokenModifiers.declaration];
        const at = (i: number) => tokens.tokens.find(t => t.offset === tokens.ranges[i][0])!;
        expect(at(0).tokenModifiers & declarationBit).toBe(declarationBit);
        expect(at(4).tokenModifiers & declarationBit).toBe(0);
    });
});

describe('semantic tokens of declared tables', () => {
    test('range cells are numbers, a table\'s own columns properties (declared, then used), predeclared ones keywords', async () => {
        const text = `plan p "P"
standard md2022 "Chuẩn nghèo đa chiều"
commune A "Xã A" xa
table t "Mục tiêu" targets {
    years { 2024 result standard <|md2022|>  2025 plan }
    column <|thoat|> "Hộ thoát nghèo" households
    column ty_le "Tỷ lệ" percent rate-of <|thoat|> per <|households|>
    columns households thoat ty_le
    check c { <|thoat|>(<|2024|>) <= <|10|> years <|2025|> message "x" }
    row 1 A { 2025: 1.000 <|40..45|> 4,0..4,5 }
}
`;
        const tokens = await highlightHelper(services)(text);
        const types = [SemanticTokenTypes.enum, SemanticTokenTypes.property, SemanticTokenTypes.property, SemanticTokenTypes.keyword,
            SemanticTokenTypes.property, SemanticTokenTypes.enumMember, SemanticTokenTypes.number, SemanticTokenTypes.enumMember, SemanticTokenTypes.number];
        types.forEach((tokenType, rangeIndex) => expectSemanticToken(tokens, { rangeIndex, tokenType }));
        const declarationBit = services.lsp.SemanticTokenProvider!.tokenModifiers[SemanticTokenModifiers.declaration];
        const at = (i: number) => tokens.tokens.find(t => t.offset === tokens.ranges[i][0])!;
        expect(at(1).tokenModifiers & declarationBit).toBe(declarationBit);
        expect(at(2).tokenModifiers & declarationBit).toBe(0);
    });
});

describe('workspace symbols', () => {
    async function symbols(query: string) {
        if (!services.shared.workspace.LangiumDocuments.hasDocument(URI.parse(PROVINCE_URI))) await openBoth();
        return services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query });
    }

    test('agencies by id or by name, accents or not: "YT", "so y te", "Sở Y tế"', async () => {
        for (const query of ['YT', 'so y te', 'Sở Y tế']) {
            const found = await symbols(query);
            const yt = found.find(s => s.name === 'YT');
            expect(yt, query).toBeDefined();
            expect(yt!.kind).toBe(SymbolKind.Class);
            expect(yt!.containerName).toBe('Sở Y tế');
            const declared = rangeOfText(PROVINCE, 'agency YT').start;
            const range = { start: { line: declared.line, character: declared.character + 7 }, end: { line: declared.line, character: declared.character + 9 } };
            expect(yt!.location).toEqual({ uri: PROVINCE_URI, range });
            expect(found.map(s => s.name)).not.toContain('XD');
        }
    });

    test('districts, indicators, targets and plans', async () => {
        expect((await symbols('phu cu')).map(s => s.name)).toContain('PhuCu');
        const indicator = (await symbols('bao hiem y te')).find(s => s.name === 'yt_bhyt');
        expect(indicator?.kind).toBe(SymbolKind.Variable);
        expect((await symbols('mt_bhyt')).find(s => s.name === 'mt_bhyt')?.kind).toBe(SymbolKind.Event);
        expect((await symbols('huyen_demo')).map(s => s.name)).toContain('huyen_demo');
    });

    test('tasks by their words, accents or not, and by their number; solutions by their heading', async () => {
        const task = (await symbols('ra soat ho ngheo')).find(s => s.name.includes('Rà soát hộ nghèo'));
        expect(task).toMatchObject({ name: '1. Rà soát hộ nghèo', kind: SymbolKind.Function, containerName: 'Nhiệm vụ của huyện' });
        const at = rangeOfText(DISTRICT, 'task 1 "Rà soát').start;
        expect((task as WorkspaceSymbol & { location: Location }).location.range.start).toEqual(at);
        // "Nhiệm vụ 1" names the first task of each list, in every open plan.
        expect((await symbols('nhiem vu 1')).map(s => s.name)).toEqual(expect.arrayContaining(['1. Rà soát hộ nghèo', '1. Xây dựng chính sách hỗ trợ bảo hiểm y tế']));
        // The seed's solutions: a heading of section III.
        const seed = await parseDocument(services, fs.readFileSync(SEED_PLAN, 'utf8'));
        const solution = (await symbols('tuyen truyen co vu')).find(s => s.kind === SymbolKind.Function && s.name.startsWith('Tuyên truyền, cổ vũ'));
        expect(solution?.containerName).toMatch(/^\d+\. /);
        expect((solution as WorkspaceSymbol & { location: Location }).location.uri).toBe(seed.uri.toString());
    });

    test('an empty query lists every declaration of every open plan', async () => {
        const names = (await symbols('')).map(s => s.name);
        expect(names).toEqual(expect.arrayContaining(['tinh_demo', 'huyen_demo', 'LDTBXH', 'PhuCu', 'yt_bhyt', 'mt_bhyt', 'phu_luc_01']));
    });
});

describe('the semantic tokens builder of integers (lsp/semantic-tokens-builder.ts)', () => {
    const TOKEN = fc.tuple(fc.nat(40), fc.nat(60), fc.integer({ min: 1, max: 9 }), fc.nat(20), fc.nat(3));
    test('answers as Langium\'s builder does, for tokens pushed in any order', () => {
        fc.assert(fc.property(fc.array(TOKEN, { maxLength: 300 }), tokens => {
            const ours = new CompactSemanticTokensBuilder();
            const langiums = new SemanticTokensBuilder();
            for (const t of tokens) { ours.push(...t); langiums.push(...t); }
            expect(ours.build().data).toEqual(langiums.build().data);
        }), { numRuns: fuzzRuns(500) });
    });

    test('keeps nothing of an answer once it is made, and the seed plan is highlighted as before', async () => {
        const document = await parseDocument(services, fs.readFileSync(SEED_PLAN, 'utf8'));
        const provider = services.lsp.SemanticTokenProvider!;
        const first = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        const again = await provider.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        expect(again.data).toEqual(first.data);
        expect(first.data.length).toBeGreaterThan(5 * 500);
        expect((provider as unknown as { tokensBuilders: Map<string, unknown> }).tokensBuilders.size).toBe(0);
        // The cells of the seed's year lines are numbers, their years years.
        const decoded = SemanticTokensDecoder.decode(first, provider.tokenTypes, document);
        const at = (text: string) => decoded.find(t => t.text === text)?.tokenType;
        expect(at('29.822')).toBe(SemanticTokenTypes.number);
        expect(decoded.filter(t => t.text === '2021').map(t => t.tokenType)).toContain(SemanticTokenTypes.enumMember);
    });
});

describe('semantic tokens for clients without the TextMate grammar', () => {
    test('keywords, strings and comments are tokens too', async () => {
        const text = PROVINCE
            .replace('agency YT "Sở Y tế"', '<|agency|> YT <|"Sở Y tế"|>')
            .replace('    indicator yt_bhyt\n', '    <|indicator|> yt_bhyt <|// bảo hiểm|>\n');
        const tokens = await highlightHelper(services)(text);
        expectSemanticToken(tokens, { rangeIndex: 0, tokenType: SemanticTokenTypes.keyword });
        expectSemanticToken(tokens, { rangeIndex: 1, tokenType: SemanticTokenTypes.string });
        expectSemanticToken(tokens, { rangeIndex: 2, tokenType: SemanticTokenTypes.keyword });
        expectSemanticToken(tokens, { rangeIndex: 3, tokenType: SemanticTokenTypes.comment });
    });

    test('a year line is one token of the language: its year, its cells and a comment among them are tokens apart', async () => {
        const text = 'plan p "P"\ndistrict A "A"\ntable t "T" {\n    years { 2021 result }\n    columns households poor\n    row 1 A {\n        2021: 29.822 /* ước */ -\n    }\n}\n';
        const document = await parseDocument(services, text);
        const result = await services.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        const decoded = SemanticTokensDecoder.decode(result, services.lsp.SemanticTokenProvider!.tokenTypes, document);
        const line = decoded.filter(t => document.textDocument.positionAt(t.offset).line === 6);
        // "-" is a blank cell: no token.
        expect(line.map(t => [t.text, t.tokenType])).toEqual([['2021', 'enumMember'], ['29.822', 'number'], ['/* ước */', 'comment']]);
    });

    test('a comment or string over several lines is one token per line', async () => {
        const text = 'plan p "P"\n/* một\n   hai */\npurpose "dòng một\ndòng hai"\n';
        const document = await parseDocument(services, text);
        const result = await services.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
        const decoded = SemanticTokensDecoder.decode(result, services.lsp.SemanticTokenProvider!.tokenTypes, document);
        expect(decoded.map(t => [t.text, t.tokenType])).toEqual([
            ['plan', 'keyword'], ['p', 'namespace'], ['"P"', 'string'],
            ['/* một', 'comment'], ['   hai */', 'comment'],
            ['purpose', 'keyword'], ['"dòng một', 'string'], ['dòng hai"', 'string']
        ]);
    });

    test('every keyword of the grammar is highlighted as a keyword, every token once', async () => {
        for (const text of ALL_KEYWORDS_PLANS) {
            const document = await parseDocument(services, text);
            const result = await services.lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
            const decoded = SemanticTokensDecoder.decode(result, services.lsp.SemanticTokenProvider!.tokenTypes, document);
            const byOffset = new Map(decoded.map(t => [t.offset, t]));
            expect(byOffset.size, 'no two tokens at one place').toBe(decoded.length);
            for (const leaf of CstUtils.flattenCst(document.parseResult.value.$cstNode!)) {
                if (GrammarAST.isKeyword(leaf.grammarSource) && /\p{L}/u.test(leaf.text)) {
                    expect(byOffset.get(leaf.offset)?.tokenType, `${leaf.text} at ${leaf.offset}`).toBe('keyword');
                }
            }
        }
    });
});
