// The preview page. Its content arrives later by postMessage (never by rewriting this HTML), so the
// page is only a shell: a strict Content-Security-Policy, the bundled stylesheet and script (by
// nonce), and the boot data (language, state to restore) in an attribute the script reads.
import { randomBytes } from 'node:crypto';
import type { PreviewBoot } from '../../../common/webview.js';
import { escapeHtml } from '../../../common/escape.js';

export interface PreviewHtmlOptions {
    /** webview.cspSource: the origin the webview serves local resources from. */
    cspSource: string;
    scriptUri: string;
    styleUri: string;
    nonce: string;
    boot: PreviewBoot;
}

/** A fresh nonce for each page load (128 bits). */
export function makeNonce(): string {
    return randomBytes(16).toString('base64');
}

/**
 * The policy: nothing by default; scripts only with the nonce (chart.js needs no eval); styles from
 * the extension or with the nonce (chart.js sizes its canvas through CSSOM, which CSP allows);
 * images only from the extension or data: URIs; no connections, frames or objects.
 */
export function contentSecurityPolicy(cspSource: string, nonce: string): string {
    return [
        `default-src 'none'`,
        `img-src ${cspSource} data:`,
        `style-src ${cspSource} 'nonce-${nonce}'`,
        `script-src 'nonce-${nonce}'`,
        `font-src ${cspSource}`
    ].join('; ');
}

export function previewHtml(o: PreviewHtmlOptions): string {
    const nonce = escapeHtml(o.nonce);
    return `<!DOCTYPE html>
<html lang="${o.boot.locale}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(o.cspSource, o.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(o.styleUri)}" nonce="${nonce}">
<meta id="plan-preview-boot" data-boot="${escapeHtml(JSON.stringify(o.boot))}">
</head>
<body>
<div id="app"></div>
<script nonce="${nonce}" src="${escapeHtml(o.scriptUri)}"></script>
</body>
</html>`;
}
