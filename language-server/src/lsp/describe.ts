// Markdown descriptions of declarations for hovers and completion documentation: the full name,
// what the thing is, and its role in the plan (what an agency leads, an indicator's values, …).
import { AstUtils, type AstNode, type AstNodeDescription } from 'langium';
import type { DocumentationProvider } from 'langium';
import * as ast from '../generated/ast.js';
import { columnName } from '../validation/rule.js';
import type { Locale } from '../../../common/findings.js';
import type { PlanModelService } from '../model/service.js';
import type { ColumnDefinitionModel, ColumnModel, DistrictTableModel } from '../model/types.js';
import type { PlanServices } from '../plan-module.js';
import { planIndex, type RoleItem } from './plan-index.js';
import { escapeMarkdown } from '../../../common/escape.js';
import { say } from '../../../common/catalogue.js';
import { SERVER_MESSAGES } from '../../../common/words/editor.js';
import { KIND_LABELS, L, fill, t } from './labels.js';
import { AGENCY_KINDS, DIRECTIONS, DISTRICT_KINDS, UNIT_LEVELS, UNITS, YEAR_KINDS } from '../../../common/words/kinds.js';

const MAX_ITEMS = 5;

/** The declaration kind each role is named after in a hover ("chỉ tiêu “…”", "nhiệm vụ “…”"). */
const ROLE_KINDS: Record<RoleItem['kind'], string> = {
    indicator: 'Indicator', solution: 'Solution', task: 'Task', duty: 'Task', funding: 'FundingSource'
};

/** Cuts a long Vietnamese sentence for a one-line mention. */
export function shorten(text: string | undefined, max = 80): string {
    const clean = (text ?? '').replace(/\s+/g, ' ').trim();
    return clean.length <= max ? clean : clean.slice(0, max - 1).replace(/\s+\S*$/, '') + '…';
}

function escape(text: string | undefined): string {
    return escapeMarkdown(text ?? '');
}

/** The printed name of a declaration (label, title), when it has one. */
export function declarationName(node: AstNode): string | undefined {
    if (ast.isAgency(node) || ast.isDistrict(node) || ast.isIndicator(node) || ast.isDimension(node)
        || ast.isStandard(node) || ast.isFundingSource(node)) return node.label;
    if (ast.isDistrictTable(node) || ast.isPlanDocument(node)) return node.title;
    if (ast.isSolution(node)) return node.heading;
    if (ast.isTask(node)) return node.text;
    if (ast.isTarget(node)) return node.text;
    return undefined;
}

/** Every name a declaration is known by: its id, printed name, short names, other names, full name. */
export function namesOf(candidate: AstNodeDescription): string[] {
    const node = candidate.node;
    const names = [candidate.name];
    if (!node) return names;
    const name = declarationName(node);
    if (name) names.push(name);
    if (ast.isAgency(node)) names.push(...node.shortNames, ...node.aliases);
    if (ast.isDistrict(node) && node.fullName) names.push(node.fullName);
    return names;
}

/** A column's definition as the plan writes it: "rate-of poor per households", "sum-of poor + near-poor", "flow - thoat + moi". */
export function definitionText(d: ColumnDefinitionModel): string {
    if (d.kind === 'rate') return `rate-of ${d.count} per ${d.base}`;
    if (d.kind === 'sum') return `sum-of ${d.parts.join(' + ')}`;
    if (d.kind === 'change') {
        const from = [d.fromYear, d.fromPhase].filter(x => x !== undefined).join(' ');
        return `${d.direction}-of ${d.column}${from ? ` from ${from}` : ''}`;
    }
    return `flow ${d.terms.map(t => `${t.sign < 0 ? '-' : '+'} ${t.column}`).join(' ')}`;
}

/** What a definition computes, in words, with the columns by their names: "tỷ lệ: Hộ nghèo / Tổng số hộ × 100". */
export function definitionWords(d: ColumnDefinitionModel, table: DistrictTableModel, locale: Locale): string {
    const name = (m: string) => columnName(m, locale, table);
    if (d.kind === 'rate') return fill(L.columnRate, locale, { count: name(d.count), base: name(d.base) });
    if (d.kind === 'sum') return fill(L.columnSum, locale, { parts: d.parts.map(name).join(' + ') });
    if (d.kind === 'change') {
        const from = [d.fromYear, d.fromPhase].filter(x => x !== undefined).join(' ');
        return fill(L.columnChange, locale, { direction: d.direction, column: name(d.column), from });
    }
    return fill(L.columnFlow, locale, { terms: d.terms.map(t => ` ${t.sign < 0 ? '−' : '+'} ${name(t.column)}`).join('') });
}

/** A column's unit in words: "phần trăm (%)", or the unit the plan writes. */
export function columnUnit(column: ColumnModel, locale: Locale): string {
    return column.unit === 'custom' ? column.customUnit ?? '' : UNITS[column.unit]?.[locale] ?? column.unit;
}

/**
 * One line on a column: its unit and, when it has one, its definition as written and in words:
 * "hộ · `rate-of poor per households` (tỷ lệ: Hộ nghèo / Tổng số hộ × 100)".
 */
export function columnLine(column: ColumnModel, table: DistrictTableModel, locale: Locale): string {
    const parts = [escape(columnUnit(column, locale))].filter(Boolean);
    if (column.definition) parts.push(`\`${definitionText(column.definition)}\` (${escape(definitionWords(column.definition, table, locale))})`);
    return parts.join(' · ');
}

/** A column name's hover: "`ty_le_tb` — Tỷ lệ hộ mức sống trung bình", what kind of column, its unit and definition. */
export function describeColumn(column: ColumnModel, table: DistrictTableModel, locale: Locale): string {
    return [
        `\`${column.id}\` — ${escape(columnName(column.id, locale, table))}`, '',
        `_${t(column.predeclared ? L.predeclaredColumn : L.declaredColumn, locale)}_ — ${columnLine(column, table, locale)}`
    ].join('\n');
}

export class DeclarationDescriber {
    constructor(private readonly models: PlanModelService, private readonly locale: () => Locale) {}

    /** Markdown for a declaration, or undefined for nodes that declare nothing. */
    describe(node: AstNode): string | undefined {
        const locale = this.locale();
        const kind = KIND_LABELS[node.$type];
        if (!kind) return undefined;
        const id = (node as { name?: string }).name;
        const name = declarationName(node);
        const lines: string[] = [];
        const title = [id ? `**${escape(id)}**` : undefined, name ? escape(shorten(name, 160)) : undefined].filter(Boolean).join(' · ');
        // A unit of a table is named by its level: a district, or a region, a province, a commune.
        let role = t(ast.isDistrict(node) && node.level !== 'district' && UNIT_LEVELS[node.level] ? UNIT_LEVELS[node.level] : kind, locale);
        if (ast.isAgency(node) && node.kind && AGENCY_KINDS[node.kind]) role += ` — ${t(AGENCY_KINDS[node.kind], locale)}`;
        if (ast.isDistrict(node) && node.kind && DISTRICT_KINDS[node.kind]) role += ` — ${t(DISTRICT_KINDS[node.kind], locale)}`;
        lines.push(title, '', `_${role}_`);
        const details = this.details(node, locale);
        if (details.length > 0) lines.push('', ...details);
        return lines.join('\n');
    }

    private details(node: AstNode, locale: Locale): string[] {
        const out: string[] = [];
        const document = AstUtils.getDocument(node);
        const index = planIndex(this.models.get(document));
        if (ast.isAgency(node)) {
            if (node.shortNames.length) out.push(`${t(L.shortNames, locale)}: ${node.shortNames.map(escape).join('; ')}`);
            if (node.aliases.length) out.push(`${t(L.aliases, locale)}: ${node.aliases.map(escape).join('; ')}`);
            const roles = index.roles.get(node.name);
            const list = (label: string, items: RoleItem[] | undefined) => {
                if (!items || items.length === 0) return;
                out.push(`- ${label} (${items.length}): ${this.items(items, locale)}`);
            };
            if (roles) {
                list(t(L.leads, locale), roles.leads);
                list(t(L.coordinates, locale), roles.coordinates);
                list(t(L.duties, locale), roles.duties);
                list(t(L.fundingVia, locale), roles.funding);
            }
            if (!roles || (roles.leads.length + roles.coordinates.length + roles.duties.length + roles.funding.length === 0)) {
                out.push(t(L.noRole, locale));
            }
        } else if (ast.isDistrict(node)) {
            if (node.fullName) out.push(`${t(L.fullName, locale)}: ${escape(node.fullName)}`);
            const tables = index.districtTables.get(node.name);
            if (tables?.length) out.push(`${t(L.inTables, locale)}: ${tables.map(escape).join(', ')}`);
        } else if (ast.isIndicator(node)) {
            const model = index.indicators.get(node.name);
            if (node.unit) out.push(`- ${t(L.unit, locale)}: ${node.unit.custom !== undefined ? escape(node.unit.custom) : UNITS[node.unit.kind ?? '']?.[locale] ?? ''}`);
            if (node.direction && DIRECTIONS[node.direction]) out.push(`- ${t(L.direction, locale)}: ${t(DIRECTIONS[node.direction], locale)}`);
            if (ast.isDimension(node.$container)) out.push(`- ${t(L.dimension, locale)}: ${escape(node.$container.label)}`);
            const agencies = (refs: { ref?: ast.Agency; $refText: string }[]) => refs.map(r => r.ref ? `${escape(r.$refText)} (${escape(r.ref.label)})` : escape(r.$refText)).join(', ');
            if (node.assignment?.leads.length) out.push(`- ${t(L.lead, locale)}: ${agencies(node.assignment.leads)}`);
            if (node.assignment?.coordinates.length) out.push(`- ${t(L.coordinate, locale)}: ${agencies(node.assignment.coordinates)}`);
            if (node.computed) out.push(`- ${t(L.computedFrom, locale)}: ${escape(node.computed.table.$refText)} (${escape(columnName(node.computed.measure, locale, index.tables.get(node.computed.table.$refText)))})`);
            if (model && model.values.length) {
                const values = model.values.map(v => `${v.year} (${YEAR_KINDS[v.kind]?.[locale] ?? v.kind}): ${escape(v.value.printed)}`);
                out.push(`- ${t(L.values, locale)}: ${values.join(' · ')}`);
            }
        } else if (ast.isDimension(node)) {
            if (node.heading) out.push(escape(node.heading));
            if (node.indicators.length) out.push(`${t(L.indicators, locale)} (${node.indicators.length}): ${node.indicators.map(i => escape(i.name)).join(', ')}`);
        } else if (ast.isStandard(node)) {
            if (node.basis) out.push(`${t(L.basis, locale)}: ${escape(node.basis)}`);
            if (node.from && node.to) out.push(`${node.from}–${node.to}`);
        } else if (ast.isDistrictTable(node)) {
            const table = index.tables.get(node.name);
            if (node.annex) out.push(say(SERVER_MESSAGES.annex, locale, { annex: escape(node.annex) }));
            if (table) {
                out.push(`- ${t(L.years, locale)}: ${table.years.map(y => `${y.year} (${YEAR_KINDS[y.kind]?.[locale] ?? y.kind})`).join(', ')}`);
                out.push(`- ${t(L.columns, locale)}: ${table.columns.map(c => escape(columnName(c, locale, table))).join(', ')}`);
                const rows = table.sections.reduce((n, s) => n + s.rows.length, 0);
                out.push(`- ${rows} ${t(L.rowsCount, locale)}`);
            }
        } else if (ast.isTarget(node)) {
            const indicator = node.indicator?.ref;
            out.push(`- ${t(KIND_LABELS.Indicator, locale)}: ${escape(node.indicator?.$refText)}${indicator ? ` (${escape(shorten(indicator.label))})` : ''}`);
            out.push(`- ${t(L.year, locale)}: ${node.year}`);
        } else if (ast.isPlanDocument(node)) {
            if (node.parent) out.push(`${t(L.partOf, locale)}: ${escape(node.parent.$refText)}`);
        } else if (ast.isFundingSource(node)) {
            if (node.via) out.push(`${t(L.fundingVia, locale)}: ${escape(node.via.$refText)}${node.via.ref ? ` (${escape(node.via.ref.label)})` : ''}`);
        }
        return out;
    }

    private items(items: RoleItem[], locale: Locale): string {
        const shown = items.slice(0, MAX_ITEMS).map(i => `${t(KIND_LABELS[ROLE_KINDS[i.kind]], locale).toLowerCase()} “${escape(shorten(i.label, 70))}”`);
        if (items.length > MAX_ITEMS) shown.push(fill(L.more, locale, { n: items.length - MAX_ITEMS }));
        return shown.join('; ');
    }
}

/**
 * Langium's DocumentationProvider for the plan: a declaration's description, shown by completion
 * (documentation of a proposed id) and hover alike.
 */
export class PlanDocumentationProvider implements DocumentationProvider {
    private readonly describer: DeclarationDescriber;

    constructor(services: PlanServices) {
        this.describer = new DeclarationDescriber(services.plan.Models, () => services.plan.Settings.locale);
    }

    getDocumentation(node: AstNode): string | undefined {
        return this.describer.describe(node);
    }
}
