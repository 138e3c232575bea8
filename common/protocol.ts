// Requests and notifications between the extension and the language server, named once and shared
// by both sides. Payloads are plain JSON (the plan view), so the webview never sees Langium.
import type { PlanView } from './view.js';

/** Client → server: the view (annexes, charts, findings) of one plan document. */
export const PlanViewRequest = 'plan/view';
export interface PlanViewParams { uri: string }
export type PlanViewResult = PlanView | null;

/** Server → client: these documents were validated anew (their views may have changed). */
export const DocumentsValidatedNotification = 'plan/documentsValidated';
export interface DocumentsValidatedParams { uris: string[] }

/**
 * The client's settings section, read the standard LSP way (workspace/configuration, pushed with
 * workspace/didChangeConfiguration), and its keys; nested objects as VS Code and Neovim send them.
 */
export const SETTINGS_SECTION = 'plan';
export const SETTING_KEYS = {
    /** vi | en | auto (the editor's display language: InitializeParams.locale). */
    language: 'language',
    /** Extra tolerance in percentage points when a printed rate is compared with poor/total. */
    rateTolerance: 'validation.rateTolerance',
    /** Relative tolerance of "khoảng" (about) when a target gives none. */
    aboutTolerance: 'validation.aboutTolerance',
    inlayHints: 'inlayHints.enabled'
} as const;

/** initializationOptions a client may still send (older route, kept as the fallback under the settings). */
export interface PlanInitializationOptions {
    locale?: string;
    options?: { rateTolerance?: number; aboutTolerance?: number };
}
