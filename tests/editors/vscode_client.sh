#!/usr/bin/env bash
# ctest editors_vscode_client: the extension's Node tests (node:test), built
# by editors_vscode_package into WORK-DIR: config.test.js checks the client's
# decisions, server.test.js drives the real amplify-ls with them.
# Usage: vscode_client.sh WORK-DIR   (AMPLIFY_LS and FIXTURE in the environment)
set -euo pipefail
work=$1
if [ ! -f "$work/out/test/server.test.js" ] || [ ! -d "$work/node_modules" ]; then
  echo "SKIP: the VS Code extension was not built (see editors_vscode_package)"
  exit 77
fi
cd "$work"
exec node --test out/test/
