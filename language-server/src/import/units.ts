// The units a table's rows stand for, as offices print them: "Huyện Phù Cừ", "H. Phù Cừ", "TX. Mỹ
// Hào", "TP Hưng Yên", or the bare name, in any case, with or without accents. A row label is matched
// to a declared unit by its bare name (prefix, accents and case aside), or becomes a new unit whose
// level and kind come from the prefix.
import { UNIT_PREFIXES } from '../../../common/words/import-table.js';
import { fold } from './headings.js';
import { oneLine } from './plan-text.js';
import type { KnownUnit, UnitKind, UnitLevel } from './table.js';

interface Prefix { pattern: RegExp; level: UnitLevel; kind?: UnitKind; full: string }

// Longest first: "thị xã" before "thị", "thành phố" before "thành".
const PREFIXES: Prefix[] = [
    { pattern: /^thanh pho\s+/, level: 'district', kind: 'thanh-pho', full: UNIT_PREFIXES['thanh-pho'].vi },
    { pattern: /^tp\.?\s*(?=\S)/, level: 'district', kind: 'thanh-pho', full: UNIT_PREFIXES['thanh-pho'].vi },
    { pattern: /^thi xa\s+/, level: 'district', kind: 'thi-xa', full: UNIT_PREFIXES['thi-xa'].vi },
    { pattern: /^tx\.?\s*(?=\S)/, level: 'district', kind: 'thi-xa', full: UNIT_PREFIXES['thi-xa'].vi },
    { pattern: /^thi tran\s+/, level: 'commune', kind: 'thi-tran', full: UNIT_PREFIXES['thi-tran'].vi },
    { pattern: /^tt\.\s*(?=\S)|^tt\s+/, level: 'commune', kind: 'thi-tran', full: UNIT_PREFIXES['thi-tran'].vi },
    { pattern: /^huyen\s+/, level: 'district', kind: 'huyen', full: UNIT_PREFIXES['huyen'].vi },
    { pattern: /^h\.\s*(?=\S)/, level: 'district', kind: 'huyen', full: UNIT_PREFIXES['huyen'].vi },
    { pattern: /^quan\s+/, level: 'district', kind: 'quan', full: UNIT_PREFIXES['quan'].vi },
    { pattern: /^q\.\s*(?=\S)/, level: 'district', kind: 'quan', full: UNIT_PREFIXES['quan'].vi },
    { pattern: /^phuong\s+/, level: 'commune', kind: 'phuong', full: UNIT_PREFIXES['phuong'].vi },
    { pattern: /^p\.\s*(?=\S)/, level: 'commune', kind: 'phuong', full: UNIT_PREFIXES['phuong'].vi },
    { pattern: /^xa\s+/, level: 'commune', kind: 'xa', full: UNIT_PREFIXES['xa'].vi },
    { pattern: /^x\.\s*(?=\S)/, level: 'commune', kind: 'xa', full: UNIT_PREFIXES['xa'].vi },
    { pattern: /^dac khu\s+/, level: 'commune', full: UNIT_PREFIXES['dac-khu'].vi },
    { pattern: /^vung\s+/, level: 'region', full: UNIT_PREFIXES['vung'].vi },
    { pattern: /^tinh\s+/, level: 'province', full: UNIT_PREFIXES['tinh'].vi }
];

export interface UnitLabel {
    /** The label as printed, on one line. */
    printed: string;
    /** The name without its prefix, as printed ("TP. Hưng Yên" → "Hưng Yên"). */
    bare: string;
    /** Folded bare name for matching ("hung yen"). */
    key: string;
    prefix?: { text: string; level: UnitLevel; kind?: UnitKind; full: string };
}

/** Splits a printed label into its administrative prefix and bare name. */
export function parseUnitLabel(label: string): UnitLabel {
    // One line, composed: folding then keeps the length of every letter, so a prefix's length in the
    // folded text is its length in the printed text.
    const printed = oneLine(label.normalize('NFC'));
    const folded = fold(printed);
    for (const p of PREFIXES) {
        const m = p.pattern.exec(folded);
        if (!m) continue;
        const bare = printed.slice(m[0].length).trim();
        if (!bare) break;
        return { printed, bare, key: keyOf(bare), prefix: { text: printed.slice(0, m[0].length).trim(), level: p.level, kind: p.kind, full: p.full } };
    }
    return { printed, bare: printed, key: keyOf(printed) };
}

function keyOf(name: string): string {
    return fold(name).replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The level a table's row heading gives its rows ("Huyện/TX/TP" → district, "Xã, phường" → commune). */
export function levelOfRowHeader(header: string | undefined): UnitLevel | undefined {
    if (!header) return undefined;
    const f = fold(header);
    if (/\b(xa|phuong|thi tran|dac khu)\b/.test(f)) return 'commune';
    if (/\b(huyen|quan|thi xa)\b|\btx\b|\btp\b/.test(f)) return 'district';
    if (/\b(tinh|thanh pho truc thuoc)\b/.test(f)) return 'province';
    if (/\bvung\b/.test(f)) return 'region';
    return undefined;
}

export interface UnitMatch { unit: KnownUnit; distance: number }

/** A plan's units with their names parsed once, for matching every row of an import against them. */
export interface UnitIndex { units: { unit: KnownUnit; key: string }[]; byKey: Map<string, KnownUnit[]> }

export function indexUnits(units: readonly KnownUnit[]): UnitIndex {
    const index: UnitIndex = { units: [], byKey: new Map() };
    for (const unit of units) {
        for (const name of [unit.label, unit.fullName].filter((n): n is string => !!n)) {
            const key = parseUnitLabel(name).key;
            index.units.push({ unit, key });
            const same = index.byKey.get(key) ?? [];
            if (!same.includes(unit)) same.push(unit);
            index.byKey.set(key, same);
        }
    }
    return index;
}

/** The declared unit a label names: same bare name (distance 0), else the one nearest by edit distance. */
export function matchUnit(label: UnitLabel, index: UnitIndex): UnitMatch | undefined {
    // The same bare name: the common case, found without measuring distances to every unit.
    const exact = index.byKey.get(label.key) ?? [];
    if (exact.length === 1) return { unit: exact[0], distance: 0 };
    if (exact.length > 1) return undefined;
    let best: UnitMatch | undefined;
    let tie = false;
    for (const { unit, key } of index.units) {
        const distance = editDistance(label.key, key, 2);
        // A kind that disagrees (Thị xã Mỹ Hào vs huyện Mỹ Hào) is another unit unless the name is exact.
        if (label.prefix?.kind && unit.kind && label.prefix.kind !== unit.kind && distance > 0) continue;
        if (!best || distance < best.distance) { best = { unit, distance }; tie = false; }
        else if (distance === best.distance && best.unit !== unit) tie = true;
    }
    if (!best || tie) return undefined;
    // One edit for names of five letters or more, two from ten; a short name must be exact.
    const allowed = label.key.length >= 10 ? 2 : label.key.length >= 5 ? 1 : 0;
    return best.distance <= allowed ? best : undefined;
}

/** Levenshtein distance, giving up (limit + 1) once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        let rowMin = i;
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
            rowMin = Math.min(rowMin, current[j]);
        }
        if (rowMin > limit) return limit + 1;
        previous = current;
    }
    return previous[b.length];
}
