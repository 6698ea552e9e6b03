// Puts a built amplify-ls where a platform-specific package carries it:
//   node scripts/stage-server.mjs <target> <path/to/amplify-ls>
// copies the binary to server/<target>/amplify-ls (amplify-ls.exe for win32-*),
// <target> being a vsce --target name (linux-x64, darwin-arm64, ...). Then
// `npm run package:target -- <target>` builds amplify-ls-<target>.vsix.
import * as fs from 'node:fs';
import * as path from 'node:path';

const TARGETS = [
  'win32-x64', 'win32-arm64', 'linux-x64', 'linux-arm64', 'linux-armhf',
  'alpine-x64', 'alpine-arm64', 'darwin-x64', 'darwin-arm64',
];

const [target, binary] = process.argv.slice(2);
if (!TARGETS.includes(target) || !binary) {
  console.error(`usage: stage-server.mjs <${TARGETS.join('|')}> <path/to/amplify-ls>`);
  process.exit(2);
}
if (!fs.statSync(binary, { throwIfNoEntry: false })?.isFile()) {
  console.error(`stage-server: no such file: ${binary}`);
  process.exit(2);
}
const exe = target.startsWith('win32-') ? 'amplify-ls.exe' : 'amplify-ls';
const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'server', target);
fs.mkdirSync(dir, { recursive: true });
const dest = path.join(dir, exe);
fs.copyFileSync(binary, dest);
fs.chmodSync(dest, 0o755);
console.log(`stage-server: ${binary} -> ${path.relative(process.cwd(), dest)}`);
