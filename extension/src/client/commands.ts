// The extension's own commands: a new plan from the template, and restarting the language server.
import * as vscode from 'vscode';
import { planTemplate } from './template.js';
import type { PlanLocale } from './settings.js';

export const Commands = {
    newPlan: 'plan.newPlan',
    restartServer: 'plan.restartServer'
} as const;

/** Opens the template as an untitled plan: the user saves it where the plan belongs. */
export async function newPlanFromTemplate(locale: PlanLocale): Promise<void> {
    const document = await vscode.workspace.openTextDocument({ language: 'plan', content: planTemplate({ locale }) });
    await vscode.window.showTextDocument(document);
}

export function registerCommands(
    context: vscode.ExtensionContext, locale: () => PlanLocale, restart: () => Promise<void>
): void {
    context.subscriptions.push(
        vscode.commands.registerCommand(Commands.newPlan, () => newPlanFromTemplate(locale())),
        vscode.commands.registerCommand(Commands.restartServer, () =>
            vscode.window.withProgress(
                { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Restarting the plan language server…') },
                restart
            ))
    );
}
