// STUB of the lead's import core (issue 18), with its agreed signatures, so that the editor side
// builds before it lands; main's index.ts replaces this file when main is merged in.
import type { LangiumDocument } from 'langium';
import type { Locale } from '../../../common/locale.js';
import type { NumberStyle } from '../../../common/numbers.js';
import { ImportError } from './limits.js';
import type { ImportContext, ImportResult } from './table.js';

export function importContextOf(_document: LangiumDocument | undefined, locale: Locale, numberStyle?: NumberStyle): ImportContext {
    return { numberStyle: numberStyle ?? 'vi', locale, units: [], agencies: [], usedIds: new Set() };
}

export async function importFile(_bytes: Uint8Array, name: string, _context: ImportContext, _options?: { sheet?: string; table?: number; whole?: boolean }): Promise<ImportResult> {
    await Promise.resolve();
    throw new ImportError({ words: { vi: `(stub) ${name}`, en: `Cannot import ${name} yet` } });
}

export function importClipboard(clip: { html?: string; text?: string }, _context: ImportContext): ImportResult | undefined {
    if (!/<table/i.test(clip.html ?? '') && !/\t/.test(clip.text ?? '')) return undefined;
    return { text: '// stub\n', tables: '// stub table\n', problems: [] };
}

export function insertImport(planText: string, result: ImportResult, offset?: number): { offset: number; length: number; newText: string }[] {
    return [{ offset: offset ?? planText.length, length: 0, newText: result.tables ?? result.text }];
}
