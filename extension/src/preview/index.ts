// The annex preview beside the editor (filled in by the preview issue).
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node.js';

export function registerPreview(_context: vscode.ExtensionContext, _client: LanguageClient): void {
    // Registered by the preview: commands, panel manager, serializer.
}
