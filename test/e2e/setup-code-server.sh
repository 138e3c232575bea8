#!/usr/bin/env bash
# Offline e2e harness: code-server 4.100.3 (VS Code 1.100.3) + Debian chromium, after the shared recipe
# (../shared/e2e/setup-code-server.sh), carried here so that a clone runs without it. playwright-core
# and @vscode/vsce come from the project's own devDependencies, so they are not installed here.
# Needs only the npm registry and Debian apt repos. Run as root on Debian 12 with Node 20.
# Usage: DIR=.e2e/code-server bash test/e2e/setup-code-server.sh   (test/e2e/run.test.ts calls it)
set -euo pipefail
DIR="${DIR:?set DIR to a writable folder outside shared/}"
mkdir -p "$DIR"; cd "$DIR"
SECONDS=0
if [ -f "$DIR/.ready" ]; then echo "code-server already set up in $DIR"; exit 0; fi

export npm_config_cache="$DIR/.npm-cache"   # keep npm cache + logs under $DIR
export npm_config_nodedir=/usr               # node-gyp: use /usr/include/node, never download headers
export npm_config_yes=true                   # node-pty postinstall runs `npx node-gyp configure`; ~/.npmrc has yes=false
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

# 1. system packages (build-essential/python3: node-gyp; libkrb5-dev: kerberos gssapi headers).
#    libx11-dev, libxkbfile-dev, libsecret-1-dev from code-server's docs are NOT needed for 4.100.3.
[ -n "$(ls /var/lib/apt/lists/ 2>/dev/null | grep _Packages)" ] || apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  chromium ripgrep build-essential python3 libkrb5-dev
test -f /usr/include/node/node_api.h || { echo "need Node headers in /usr/include/node"; exit 1; }

# 2. code-server, WITHOUT lifecycle scripts (code-server's postinstall.sh would fail offline)
[ -f package.json ] || echo '{"name":"codeserver-e2e","private":true}' > package.json
npm install --ignore-scripts code-server@4.100.3
# argon2 is require()d at startup even with --auth none; node-pre-gyp would try GitHub first
npm_config_build_from_source=true npm rebuild argon2

# 3. postinstall.sh by hand
VS="$DIR/node_modules/code-server/lib/vscode"
cd "$VS"
npm install --omit=dev --ignore-scripts
# native modules used on Linux (deviceid/windows-* are Windows-only; @parcel/watcher ships a prebuilt
# optional package @parcel/watcher-linux-x64-glibc). build_from_source stops kerberos' prebuild-install
# from trying GitHub.
npm_config_build_from_source=true npm rebuild node-pty @vscode/spdlog kerberos native-watchdog
# @vscode/ripgrep's postinstall downloads rg from GitHub -> use Debian's rg at the path lib/index.js expects
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf /usr/bin/rg node_modules/@vscode/ripgrep/bin/rg
# the symlinks postinstall.sh creates
ln -sfn node_modules node_modules.asar
ln -sf code-linux.sh bin/remote-cli/code-server
ln -sf browser-linux.sh bin/helpers/browser.sh
# built-in extensions' deps = only typescript (built-in JS/TS language features). Optional for own extensions.
if [ "${SKIP_BUILTIN_EXT_DEPS:-0}" != 1 ]; then (cd extensions && npm install --omit=dev); fi
node -e "for (const m of ['node-pty','@vscode/spdlog','kerberos','native-watchdog','@parcel/watcher','@vscode/ripgrep']) require(m); console.log('native modules load OK')"
cd "$DIR"

echo "code-server ready in $DIR (setup ${SECONDS}s, disk $(du -sh "$DIR" | cut -f1))"
touch "$DIR/.ready"
