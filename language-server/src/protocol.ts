// Requests and notifications between the extension and the language server, named once and shared
// by both sides. Payloads are plain JSON (the plan view), so the webview never sees Langium.
import type { PlanView } from './model/view.js';

/** Client → server: the view (annexes, charts, findings) of one plan document. */
export const PlanViewRequest = 'plan/view';
export interface PlanViewParams { uri: string }
export type PlanViewResult = PlanView | null;

/** Server → client: these documents were validated anew (their views may have changed). */
export const DocumentsValidatedNotification = 'plan/documentsValidated';
export interface DocumentsValidatedParams { uris: string[] }

/** Client → server: the message language changed (vi | en). */
export const SetLocaleNotification = 'plan/setLocale';
export interface SetLocaleParams { locale: string }

/** Client → server: the validation options changed (settings plan.validation.*); also sent as
 *  initializationOptions.options at start. Missing fields keep their current value. */
export const SetOptionsNotification = 'plan/setOptions';
export interface SetOptionsParams {
    /** Extra tolerance in percentage points when a printed rate is compared with poor/total. */
    rateTolerance?: number;
    /** Relative tolerance of "khoảng" (about) when a target gives none. */
    aboutTolerance?: number;
}
