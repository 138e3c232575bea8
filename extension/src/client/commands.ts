// The extension's own commands: a new plan from the template, and restarting the language server.
import * as os from 'node:os';
import * as vscode from 'vscode';
import {
    EXAMPLE_PROVINCE, EXAMPLE_UNITS, defaultFirstYear, parsePeriod, parseUnits, periodEnd, planFileName, planTemplate,
    provinceOf, provinceProblem, type PlanUnit, type Province
} from './template.js';
import type { PlanLocale } from './settings.js';

export const Commands = {
    newPlan: 'plan.newPlan',
    restartServer: 'plan.restartServer'
} as const;

interface Answers { province: Province; from: number; to: number; units: PlanUnit[] }

/**
 * What a program passes to plan.newPlan to create a plan without questions: the answers as a user
 * types them, and where to write it (default: the proposed name in the first workspace folder).
 */
export interface NewPlanArgs { province: string; period: string; units?: string; uri?: vscode.Uri; overwrite?: boolean }

/** Why an answer cannot be used (shown under the input box while typing), or undefined. */
export function provinceMessage(value: string): string | undefined {
    switch (provinceProblem(value)) {
        case 'empty': return vscode.l10n.t('Type the name of the province or city, e.g. {0}.', EXAMPLE_PROVINCE);
        case 'length': return vscode.l10n.t('The name is too long (at most 40 characters).');
        case 'characters': return vscode.l10n.t('A name has letters, spaces and hyphens only.');
        case undefined: return undefined;
    }
}

export function periodMessage(value: string): string | undefined {
    const period = parsePeriod(value);
    if (!('problem' in period)) return undefined;
    switch (period.problem) {
        case 'format': return vscode.l10n.t('Write the first and the last year, e.g. {0}.', '2026-2030');
        case 'range': return vscode.l10n.t('The years are between 2000 and 2100.');
        case 'order': return vscode.l10n.t('The last year comes after the first, at most 10 years later.');
    }
}

export function unitsMessage(value: string): string | undefined {
    const units = parseUnits(value);
    if (!('problem' in units)) return undefined;
    switch (units.problem) {
        case 'characters': return vscode.l10n.t('A name has letters, digits, spaces, dots and hyphens only: "{0}".', units.name ?? '');
        case 'duplicate': return vscode.l10n.t('"{0}" is named twice.', units.name ?? '');
        case 'length': return vscode.l10n.t('A name is too long (at most 50 characters): "{0}".', units.name ?? '');
        case 'count': return vscode.l10n.t('At most 60 units.');
    }
}

/** The answers from a program, or undefined when they do not hold. */
function answersOf(args: NewPlanArgs): Answers | undefined {
    if (typeof args.province !== 'string' || typeof args.period !== 'string' || provinceMessage(args.province)) return undefined;
    const period = parsePeriod(args.period);
    const units = parseUnits(typeof args.units === 'string' ? args.units : '');
    if ('problem' in period || 'problem' in units) return undefined;
    return { province: provinceOf(args.province), from: period.from, to: period.to, units: units.units };
}

/** Province, period and units, one input box each, checked while typed. Undefined when cancelled. */
async function ask(): Promise<Answers | undefined> {
    const province = await vscode.window.showInputBox({
        title: vscode.l10n.t('New plan (1/3): province'),
        prompt: vscode.l10n.t('The province or centrally-run city the plan is for.'),
        placeHolder: EXAMPLE_PROVINCE,
        ignoreFocusOut: true,
        validateInput: provinceMessage
    });
    if (province === undefined) return undefined;
    const from = defaultFirstYear(new Date().getFullYear());
    const periodText = await vscode.window.showInputBox({
        title: vscode.l10n.t('New plan (2/3): period'),
        prompt: vscode.l10n.t('The first and the last year of the plan.'),
        value: `${from}-${periodEnd(from)}`,
        ignoreFocusOut: true,
        validateInput: periodMessage
    });
    if (periodText === undefined) return undefined;
    const unitsText = await vscode.window.showInputBox({
        title: vscode.l10n.t('New plan (3/3): districts'),
        prompt: vscode.l10n.t('The districts (or communes) of Annex 01, separated by commas; a kind word first where it is not a rural district, as in the example. Empty: fill them in later.'),
        placeHolder: EXAMPLE_UNITS,
        ignoreFocusOut: true,
        validateInput: unitsMessage
    });
    if (unitsText === undefined) return undefined;
    const period = parsePeriod(periodText);
    const units = parseUnits(unitsText);
    if ('problem' in period || 'problem' in units) return undefined;
    return { province: provinceOf(province), from: period.from, to: period.to, units: units.units };
}

/** Where a new plan is proposed: the first workspace folder, else the home folder. */
function proposedFolder(): vscode.Uri {
    return vscode.workspace.workspaceFolders?.[0]?.uri ?? vscode.Uri.file(os.homedir());
}

async function exists(uri: vscode.Uri): Promise<boolean> {
    return Promise.resolve(vscode.workspace.fs.stat(uri)).then(() => true, () => false);
}

/**
 * Asks for the province, the period and the districts, then where to save the plan (proposing
 * ke-hoach-giam-ngheo-<province>-<from>-<to>.plan), writes the template with those values in the
 * plan's language and opens it. Called by a program with {@link NewPlanArgs}, it asks nothing and
 * refuses to overwrite a file unless `overwrite` is true. Returns the new plan's uri.
 */
export async function newPlanFromTemplate(locale: PlanLocale, rawArgs?: unknown): Promise<vscode.Uri | undefined> {
    let answers: Answers | undefined;
    let target: vscode.Uri | undefined;
    if (rawArgs !== undefined && rawArgs !== null && !(rawArgs instanceof vscode.Uri)) {
        const args = rawArgs as NewPlanArgs;
        answers = typeof rawArgs === 'object' ? answersOf(args) : undefined;
        if (!answers) {
            void vscode.window.showErrorMessage(vscode.l10n.t('The new-plan command needs a province, a period such as 2026-2030 and, if any, districts separated by commas.'));
            return undefined;
        }
        target = args.uri instanceof vscode.Uri ? args.uri : vscode.Uri.joinPath(proposedFolder(), planFileName(answers));
        if (!args.overwrite && await exists(target)) {
            void vscode.window.showErrorMessage(vscode.l10n.t('{0} already exists: it is not overwritten.', target.fsPath));
            return undefined;
        }
    } else {
        // From the palette, the File > New File… menu, the walkthrough (which may pass the folder it was run on).
        answers = await ask();
        if (!answers) return undefined;
        target = await vscode.window.showSaveDialog({
            defaultUri: vscode.Uri.joinPath(rawArgs instanceof vscode.Uri ? rawArgs : proposedFolder(), planFileName(answers)),
            filters: { [vscode.l10n.t('Plan')]: ['plan'] },
            title: vscode.l10n.t('Save the new plan'),
            saveLabel: vscode.l10n.t('Create plan')
        });
        if (!target) return undefined;
    }
    const text = planTemplate({ locale, from: answers.from, to: answers.to, province: answers.province, units: answers.units });
    try {
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    } catch (e) {
        void vscode.window.showErrorMessage(vscode.l10n.t('The new plan could not be written: {0}', (e as Error)?.message ?? String(e)));
        return undefined;
    }
    const document = await vscode.workspace.openTextDocument(target);
    await vscode.window.showTextDocument(document);
    return target;
}

export function registerCommands(
    context: vscode.ExtensionContext, locale: () => PlanLocale, restart: () => Promise<void>
): void {
    context.subscriptions.push(
        vscode.commands.registerCommand(Commands.newPlan, (args?: unknown) => newPlanFromTemplate(locale(), args)),
        vscode.commands.registerCommand(Commands.restartServer, () =>
            vscode.window.withProgress(
                { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Restarting the plan language server…') },
                restart
            ))
    );
}
