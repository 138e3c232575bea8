// The CLI's office half, bundled apart (out/cli-office.cjs, see esbuild.mjs): the exporters (docx,
// exceljs) and the importers (exceljs, jszip, saxes, parse5) with what they need. `plan validate`
// never loads it; `plan export` and `plan import` load it on use, through the dynamic imports of
// cli/main.ts and import/editor.ts, which the CLI bundle points here.
export { exportCommand } from './export.js';
export { importCommand } from './import.js';
export { importClipboard, importFile } from '../import/editor-sources.js';
