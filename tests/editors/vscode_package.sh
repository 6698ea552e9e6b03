#!/usr/bin/env bash
# ctest editors_vscode_package: in a copy of editors/vscode under the build
# tree, `npm ci && npm run compile && npm run package`, then checks what the
# .vsix holds. Exit 77 (skipped) when the npm registry cannot be reached.
# Usage: vscode_package.sh SOURCE-DIR WORK-DIR
set -euo pipefail
src=$1
work=$2

if ! timeout 60 npm ping >/dev/null 2>&1; then
  echo "SKIP: the npm registry cannot be reached (npm ping failed): the VS Code extension was not built"
  rm -rf "$work"
  exit 77
fi

rm -rf "$work"
mkdir -p "$work"
(cd "$src" && tar -cf - --exclude=./node_modules --exclude=./out --exclude=./dist \
   --exclude=./server --exclude='*.vsix' .) | (cd "$work" && tar -xf -)
cd "$work"
export npm_config_loglevel=error npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

echo "== npm ci"
npm ci
echo "== npm run compile"
npm run compile
echo "== npm run package"
npm run package

echo "== checking amplify-ls.vsix"
python3 - amplify-ls.vsix <<'PY'
import json, sys, zipfile
names = zipfile.ZipFile(sys.argv[1]).namelist()
def fail(msg):
    print("FAIL:", msg, "\nfiles:", "\n  ".join(sorted(names)))
    sys.exit(1)
for need in ("extension/package.json", "extension/dist/extension.js", "extension/readme.md"):
    if need not in names:
        fail("missing " + need)
for name in names:
    if name.startswith(("extension/src/", "extension/node_modules/", "extension/out/", "extension/test/", "extension/server/")):
        fail("should not be packaged: " + name)
manifest = json.loads(zipfile.ZipFile(sys.argv[1]).read("extension/package.json"))
if manifest.get("activationEvents") != ["workspaceContains:**/amplify/backend.ts"]:
    fail("activation: %s" % manifest.get("activationEvents"))
props = manifest["contributes"]["configuration"]["properties"]
for key in ("amplify-ls.server.path", "amplify-ls.trace.server", "amplify-ls.diagnostics.debounceMs"):
    if key not in props:
        fail("setting missing: " + key)
cmds = {c["command"] for c in manifest["contributes"]["commands"]}
if cmds != {"amplify-ls.restartServer", "amplify-ls.showOutput"}:
    fail("commands: %s" % sorted(cmds))
bundle = zipfile.ZipFile(sys.argv[1]).read("extension/dist/extension.js").decode()
if 'require("vscode")' not in bundle:
    fail("the bundle should leave vscode external")
print("amplify-ls.vsix: %d files, bundle %d bytes" % (len(names), len(bundle)))
PY
echo "== loading the packaged bundle (vscode stubbed: the bundle must load and export activate/deactivate)"
node - "$work/dist/extension.js" <<'JS'
const Module = require('module');
const stub = new Proxy(function () {}, {
  get: (t, p) => (p === 'then' ? undefined : stub),
  construct: () => stub,
  apply: () => stub,
});
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'vscode' ? stub : load.call(this, request, ...rest);
};
const ext = require(process.argv[2]);
if (typeof ext.activate !== 'function' || typeof ext.deactivate !== 'function') {
  console.log('FAIL: dist/extension.js exports', Object.keys(ext));
  process.exit(1);
}
console.log('dist/extension.js exports activate and deactivate');
JS
echo "PASS: the VS Code extension compiles and packages"
