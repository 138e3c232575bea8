// The Neovim configuration printed in the README, run as written in a headless Neovim against the
// built server: the seed plan's findings arrive in English (its settings say plan.language = "en"),
// and its runtimepath line gives the seed editors/vim's colours.
// Skipped, and reported so, where Neovim is not installed (apt-get install neovim).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { ensureBundle } from '../helpers/bundles.js';
import { REPO_ROOT, SEED_PLAN } from '../helpers/plan.js';
import { SERVER } from './client.js';

const hasNeovim = spawnSync('nvim', ['--version'], { stdio: 'ignore' }).status === 0;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-nvim-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The ```lua block of the README section "Using the server from other editors". */
function readmeConfig(): string {
    const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Using the server from other editors'));
    const block = /```lua\n([\s\S]*?)```/.exec(section);
    if (!block) throw new Error('no ```lua block in the README section "Using the server from other editors"');
    return block[1];
}

test.skipIf(!hasNeovim)('the README\'s Neovim configuration gets the seed plan\'s findings in English', async () => {
    if (!process.env.PLAN_LSP_SERVER) ensureBundle(SERVER);
    const editors = path.join(REPO_ROOT, 'editors', 'vim');
    const config = readmeConfig().replace(/^local server = .*$/m, `local server = ${JSON.stringify(SERVER)}`)
        .replace("vim.fn.expand('~/plan-as-code/editors/vim')", JSON.stringify(editors));
    expect(config).toContain(JSON.stringify(SERVER));
    expect(config).toContain(JSON.stringify(editors));
    fs.writeFileSync(path.join(tmp, 'plan.lua'), config);
    // Waits until the numbering-gap finding is there (or 20 s), prints every finding and quits.
    const report = `lua (function()
        vim.wait(20000, function()
            for _, d in ipairs(vim.diagnostic.get(0)) do if d.code == 'numbering-gap' then return true end end
            return false
        end, 100)
        io.stdout:write('filetype=' .. vim.bo.filetype .. '\\n')
        io.stdout:write('syntax under "agency"=' .. vim.fn.synIDattr(vim.fn.synID(vim.fn.search('^agency'), 1, 1), 'name') .. '\\n')
        for _, d in ipairs(vim.diagnostic.get(0)) do io.stdout:write(tostring(d.code) .. ' ' .. d.message .. '\\n') end
        vim.cmd('qa!')
    end)()`;
    const nvim = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(tmp, 'plan.lua'), SEED_PLAN, '-c', report], {
        cwd: REPO_ROOT, env: { ...process.env, XDG_STATE_HOME: tmp, XDG_CACHE_HOME: tmp, XDG_DATA_HOME: tmp }
    });
    let out = '';
    nvim.stdout.on('data', chunk => { out += String(chunk); });
    nvim.stderr.on('data', chunk => { out += String(chunk); });
    const timer = setTimeout(() => nvim.kill(), 40_000);
    await new Promise(resolve => nvim.on('exit', resolve));
    clearTimeout(timer);
    expect(out).toContain('filetype=plan');
    expect(out).toContain('syntax under "agency"=planDeclaration'); // editors/vim, by the README's runtimepath line
    expect(out).toContain('numbering-gap Numbering is not continuous: 11 follows 9 (10 is missing).');
    expect(out).toContain('total-mismatch Tổng cộng 2024, column poor households: printed 2.954 but the rows add up to 2.963 (off by -9).');
    expect(out).not.toContain('Đánh số không liên tục');
}, 60_000);
