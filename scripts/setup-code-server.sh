#!/usr/bin/env bash
# Installs a real VS Code (code-server, from the npm registry) and Debian's Chromium for the
# integration tests and `npm run demo`, on machines that cannot download a VS Code build.
# Idempotent: a finished install leaves a stamp and is reused.
set -euo pipefail

CS_VERSION="${SANAD_CODE_SERVER_VERSION:-4.100.3}"  # newest release whose install accepts Node 20
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PREFIX="${SANAD_CODE_SERVER_HOME:-$ROOT/.vscode-test/code-server-$CS_VERSION}"
STAMP="$PREFIX/.installed"

if [ -f "$STAMP" ]; then
  echo "code-server $CS_VERSION already installed in $PREFIX"
  exit 0
fi

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
# The integration suite lists the .vsix with unzip.
command -v unzip >/dev/null 2>&1 || need_apt+=(unzip)
for dev in libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev fonts-noto-core; do
  dpkg -s "$dev" >/dev/null 2>&1 || need_apt+=("$dev")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing Debian packages: ${need_apt[*]}"
  SUDO=""
  [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

export npm_config_loglevel=error npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
mkdir -p "$PREFIX"
cd "$PREFIX"
[ -f package.json ] || echo '{"name":"sanad-code-server","private":true}' > package.json
echo "installing code-server $CS_VERSION (about two minutes)"
# --ignore-scripts: the ripgrep package would download a binary; Debian's rg is used instead.
npm install --no-save --ignore-scripts "code-server@$CS_VERSION" >/dev/null

CS="$PREFIX/node_modules/code-server"
cd "$CS/lib/vscode"
npm install --omit=dev --ignore-scripts >/dev/null
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm_config_yes=true npm rebuild >/dev/null
# What code-server's own postinstall.sh does, minus its downloads.
ln -sfn node_modules node_modules.asar
mkdir -p bin/remote-cli bin/helpers
[ -e bin/remote-cli/code-server ] || ln -s code-linux.sh bin/remote-cli/code-server 2>/dev/null || true
[ -e bin/helpers/browser.sh ] || ln -s browser-linux.sh bin/helpers/browser.sh 2>/dev/null || true
( cd extensions && npm install --omit=dev --ignore-scripts >/dev/null )
# code-server loads argon2 at start-up; it is installed beside code-server, not inside it.
cd "$PREFIX"
npm rebuild argon2 --build-from-source >/dev/null
touch "$STAMP"
echo "code-server $CS_VERSION ready in $PREFIX"
