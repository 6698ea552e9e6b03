// The extension's client-side decisions, without VS Code and without a server.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { minimatch } from 'minimatch';
import * as config from '../src/config';

const glob = (p: string, pattern: string) => minimatch(p, pattern, { dot: true });

test('the selector takes TypeScript under amplify/ and nothing else', () => {
  const doc = (fsPath: string, languageId = 'typescript', scheme = 'file') => ({ fsPath, languageId, scheme });
  assert.ok(config.selects(config.documentSelector, doc('/w/app/amplify/backend.ts'), glob));
  assert.ok(config.selects(config.documentSelector, doc('/w/app/amplify/data/resource.ts'), glob));
  assert.ok(config.selects(config.documentSelector, doc('/w/mono/packages/api/amplify/auth/resource.ts'), glob));
  assert.ok(!config.selects(config.documentSelector, doc('/w/app/src/main.ts'), glob), 'app code stays with tsserver');
  assert.ok(!config.selects(config.documentSelector, doc('/w/app/amplify.ts'), glob));
  assert.ok(!config.selects(config.documentSelector, doc('/w/app/amplify/README.md', 'markdown'), glob));
  assert.ok(!config.selects(config.documentSelector, doc('/w/app/amplify/backend.ts', 'typescript', 'untitled'), glob));
  const sources = config.documentSelector.filter((f) => f.pattern === '**/amplify/**');
  assert.deepEqual(sources.map((f) => f.language), config.LANGUAGES);
  for (const f of config.documentSelector) {
    assert.equal(f.scheme, 'file');
  }
});

test('the selector takes amplify-ls.json, at any depth, and no other JSON', () => {
  const doc = (fsPath: string, languageId = 'json', scheme = 'file') => ({ fsPath, languageId, scheme });
  assert.ok(config.selects(config.documentSelector, doc('/w/app/amplify-ls.json'), glob));
  assert.ok(config.selects(config.documentSelector, doc('/w/mono/apps/web/amplify-ls.json'), glob));
  assert.ok(config.selects(config.documentSelector, doc('/w/app/amplify-ls.json', 'jsonc'), glob));
  assert.ok(!config.selects(config.documentSelector, doc('/w/app/package.json'), glob), 'package.json is watched, not opened');
  assert.ok(!config.selects(config.documentSelector, doc('/w/app/amplify/package.json'), glob));
  assert.ok(!config.selects(config.documentSelector, doc('/w/app/amplify-ls.json', 'json', 'untitled'), glob));
  assert.ok(!config.selects(config.documentSelector, doc('/w/app/amplify-ls.json.bak'), glob));
});

test('settings become initializationOptions', () => {
  const read = (values: Record<string, unknown>) => config.readSettings((k) => values[k]);
  assert.deepEqual(read({}), config.DEFAULT_SETTINGS);
  assert.deepEqual(config.initializationOptions(read({})), { diagnosticsDebounceMs: 50 });
  assert.deepEqual(config.initializationOptions(read({ 'diagnostics.debounceMs': 0 })), { diagnosticsDebounceMs: 0 });
  assert.deepEqual(config.initializationOptions(read({ 'diagnostics.debounceMs': 250.4 })), { diagnosticsDebounceMs: 250 });
  assert.equal(read({ 'diagnostics.debounceMs': -5 }).diagnosticsDebounceMs, 0);
  assert.equal(read({ 'diagnostics.debounceMs': 1e9 }).diagnosticsDebounceMs, config.DEBOUNCE_MAX_MS);
  assert.equal(read({ 'diagnostics.debounceMs': '100' }).diagnosticsDebounceMs, 50, 'a string is not a number');
  assert.equal(read({ 'trace.server': 'verbose' }).trace, 'verbose');
  assert.equal(read({ 'trace.server': 'loud' }).trace, 'off');
  assert.equal(read({ 'server.path': '  /opt/amplify-ls  ' }).serverPath, '/opt/amplify-ls');
});

test('platform targets follow vsce --target names', () => {
  assert.equal(config.platformTarget('linux', 'x64'), 'linux-x64');
  assert.equal(config.platformTarget('linux', 'arm64', true), 'alpine-arm64');
  assert.equal(config.platformTarget('linux', 'arm'), 'linux-armhf');
  assert.equal(config.platformTarget('darwin', 'arm64'), 'darwin-arm64');
  assert.equal(config.platformTarget('win32', 'x64'), 'win32-x64');
  assert.equal(config.platformTarget('freebsd', 'x64'), undefined);
  assert.equal(config.executableName('win32'), 'amplify-ls.exe');
});

test('the server is found in order: setting, bundled, PATH', () => {
  const ctx = (files: string[], extra: Partial<config.ResolveContext> = {}): config.ResolveContext => ({
    extensionPath: '/ext',
    platform: 'linux',
    arch: 'x64',
    env: { PATH: '/usr/local/bin:/usr/bin' },
    homedir: '/home/u',
    workspaceFolder: '/w/app',
    isExecutable: (f) => files.includes(f),
    ...extra,
  });
  const s = (serverPath = '') => ({ ...config.DEFAULT_SETTINGS, serverPath });
  const all = ['/opt/als', '/ext/server/linux-x64/amplify-ls', '/usr/bin/amplify-ls'];

  assert.deepEqual(config.resolveServer(s('/opt/als'), ctx(all)), { command: '/opt/als', source: 'setting' });
  assert.deepEqual(config.resolveServer(s(), ctx(all)), { command: '/ext/server/linux-x64/amplify-ls', source: 'bundled' });
  assert.deepEqual(config.resolveServer(s(), ctx(all.slice(2))), { command: '/usr/bin/amplify-ls', source: 'path' });
  assert.deepEqual(config.resolveServer(s('~/bin/als'), ctx(['/home/u/bin/als'])), { command: '/home/u/bin/als', source: 'setting' });
  assert.deepEqual(config.resolveServer(s('tools/als'), ctx(['/w/app/tools/als'])), { command: '/w/app/tools/als', source: 'setting' });

  // A setting that points nowhere is an error, not a silent fallback.
  const bad = config.resolveServer(s('/nope'), ctx(all));
  assert.ok(!config.isResolved(bad));
  assert.match(bad.error, /amplify-ls\.server\.path/);

  const none = config.resolveServer(s(), ctx([]));
  assert.ok(!config.isResolved(none));
  assert.deepEqual(none.tried, ['/ext/server/linux-x64/amplify-ls', '/usr/local/bin/amplify-ls', '/usr/bin/amplify-ls']);

  const win = config.resolveServer(s(), ctx(['C:\\tools\\amplify-ls.exe'], {
    platform: 'win32', extensionPath: 'C:\\ext', env: { Path: 'C:\\tools;C:\\bin' },
  }));
  assert.deepEqual(win, { command: 'C:\\tools\\amplify-ls.exe', source: 'path' });
});

test('the server process is started with --stdio and the environment', () => {
  const exe = config.serverExecutable({ command: '/usr/bin/amplify-ls', source: 'path' }, { HOME: '/home/u' });
  assert.deepEqual(exe, { command: '/usr/bin/amplify-ls', args: ['--stdio'], options: { env: { HOME: '/home/u' } } });
});
