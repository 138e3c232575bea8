#!/usr/bin/env node
// The `plan` command: the bundled CLI (built by `npm run build`).
require('../out/cli.cjs');
