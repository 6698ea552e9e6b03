// Drives the real amplify-ls the way the extension does: the executable and
// arguments from config.resolveServer/serverExecutable, the initialization
// options from the settings, only the documents config.documentSelector
// selects, over vscode-languageserver-protocol's node connection (the
// protocol layer vscode-languageclient itself runs on).
//
// Environment: AMPLIFY_LS (the built server), FIXTURE (tests/editors/fixture).
import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { minimatch } from 'minimatch';
import {
  ClientCapabilities,
  CompletionItem,
  CompletionList,
  CompletionRequest,
  DefinitionRequest,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializeRequest,
  InitializeResult,
  InitializedNotification,
  Location,
  LocationLink,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  PublishDiagnosticsParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import * as config from '../src/config';

const TIMEOUT_MS = Number(process.env.AMPLIFY_LS_TIMEOUT_MS || 30000);
const SERVER = process.env.AMPLIFY_LS || '';
const FIXTURE = process.env.FIXTURE || path.resolve(__dirname, '../../../../tests/editors/fixture');

const glob = (p: string, pattern: string) => minimatch(p, pattern, { dot: true });

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function withTimeout<T>(what: string, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${TIMEOUT_MS} ms waiting for ${what}`)), TIMEOUT_MS);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

/** A copy of the fixture backend, so the test never writes into the source tree. */
function copyFixture(): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-ls-vscode-')));
  fs.cpSync(FIXTURE, root, { recursive: true });
  fs.mkdirSync(path.join(root, 'src'), { recursive: true });
  fs.writeFileSync(path.join(root, 'src/app.ts'), 'export const x = (;\n');
  return root;
}

/** The client capabilities that matter here, as vscode-languageclient 9 sends them. */
function capabilities(pull: boolean): ClientCapabilities {
  return {
    general: { positionEncodings: ['utf-16'] },
    workspace: { workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
    textDocument: {
      synchronization: { dynamicRegistration: true, didSave: true },
      publishDiagnostics: { relatedInformation: true, versionSupport: false, codeDescriptionSupport: true, dataSupport: true },
      completion: { completionItem: { snippetSupport: true } },
      definition: { linkSupport: true },
      ...(pull ? { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } } : {}),
    },
  };
}

interface Session {
  root: string;
  proc: ChildProcess;
  conn: ProtocolConnection;
  init: InitializeResult;
  diagnostics: PublishDiagnosticsParams[];
  stderr: string[];
  waitDiagnostics(uri: string, pred: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]>;
  open(file: string): { uri: string; text: string; opened: boolean };
  close(): Promise<void>;
}

/** Starts the server exactly as the extension would, with `settingsValues` as the user's settings. */
async function startSession(settingsValues: Record<string, unknown>, pull: boolean): Promise<Session> {
  const root = copyFixture();
  const settings = config.readSettings((k) => settingsValues[k]);
  const extensionPath = fs.mkdtempSync(path.join(os.tmpdir(), 'amplify-ls-ext-')); // no bundled binary
  const resolved = config.resolveServer(settings, {
    extensionPath,
    platform: process.platform,
    arch: process.arch,
    env: { PATH: '' },
    homedir: os.homedir(),
    workspaceFolder: root,
    isExecutable,
  });
  assert.ok(config.isResolved(resolved), `the server should resolve: ${JSON.stringify(resolved)}`);
  assert.equal(resolved.source, 'setting');
  const exe = config.serverExecutable(resolved, process.env);
  const proc = spawn(exe.command, exe.args, { env: exe.options.env, stdio: ['pipe', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  proc.stderr!.on('data', (b: Buffer) => stderr.push(b.toString()));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const diagnostics: PublishDiagnosticsParams[] = [];
  const waiters: Array<() => void> = [];
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    diagnostics.push(p);
    waiters.splice(0).forEach((w) => w());
  });
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.listen();

  const rootUri = pathToFileURL(root).href;
  const init = await withTimeout(
    'the initialize response',
    conn.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'Visual Studio Code (test)', version: '1.82.0' },
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(root) }],
      capabilities: capabilities(pull),
      initializationOptions: config.initializationOptions(settings),
      trace: settings.trace,
    }),
  );
  await conn.sendNotification(InitializedNotification.type, {});

  const latest = (uri: string) => [...diagnostics].reverse().find((p) => p.uri === uri);
  return {
    root,
    proc,
    conn,
    init,
    diagnostics,
    stderr,
    waitDiagnostics(uri, pred) {
      return withTimeout(
        `diagnostics for ${uri}`,
        new Promise<Diagnostic[]>((resolve) => {
          const probe = () => {
            const p = latest(uri);
            if (p && pred(p.diagnostics)) {
              resolve(p.diagnostics);
            } else {
              waiters.push(probe);
            }
          };
          probe();
        }),
      );
    },
    open(file) {
      const fsPath = path.join(root, file);
      const uri = pathToFileURL(fsPath).href;
      const text = fs.readFileSync(fsPath, 'utf8');
      // What VS Code does: a document reaches the server only when the selector selects it.
      const opened = config.selects(config.documentSelector, { scheme: 'file', languageId: 'typescript', fsPath }, glob);
      if (opened) {
        void conn.sendNotification(DidOpenTextDocumentNotification.type, {
          textDocument: { uri, languageId: 'typescript', version: 1, text },
        });
      }
      return { uri, text, opened };
    },
    async close() {
      try {
        await withTimeout('the shutdown response', conn.sendRequest(ShutdownRequest.type));
        await conn.sendNotification(ExitNotification.type);
        const code = await withTimeout(
          'the server to exit',
          new Promise<number | null>((resolve) => {
            if (proc.exitCode !== null) {
              resolve(proc.exitCode);
            } else {
              proc.on('exit', (c) => resolve(c));
            }
          }),
        );
        assert.equal(code, 0, 'amplify-ls exits with 0 after shutdown and exit');
      } finally {
        conn.dispose();
        if (proc.exitCode === null) {
          proc.kill();
        }
        fs.rmSync(root, { recursive: true, force: true });
        fs.rmSync(extensionPath, { recursive: true, force: true });
      }
    },
  };
}

function lineOf(text: string, needle: string): { line: number; character: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `the fixture has no line with ${needle}`);
  return { line, character: lines[line].indexOf(needle) };
}

function syntaxDiagnostics(diags: Diagnostic[]): Diagnostic[] {
  return diags.filter((d) => typeof d.code === 'string' && d.code.startsWith('syntax-'));
}

function checkSyntaxDiagnostic(diags: Diagnostic[], text: string): void {
  const syntax = syntaxDiagnostics(diags);
  assert.equal(syntax.length, 1, `exactly one syntax diagnostic: ${JSON.stringify(diags)}`);
  const d = syntax[0];
  assert.equal(d.code, 'syntax-missing');
  assert.equal(d.range.start.line, lineOf(text, 'export const pageSize').line, `on the broken line: ${JSON.stringify(d.range)}`);
  assert.equal(d.severity, 1, 'an error');
  assert.equal(d.source, 'amplify-ls');
}

/** Replaces the broken statement with a correct one, as an incremental change. */
async function fixSyntaxError(s: Session, uri: string, text: string, version: number): Promise<void> {
  const at = lineOf(text, '(10 * 2;');
  await s.conn.sendNotification(DidChangeTextDocumentNotification.type, {
    textDocument: { uri, version },
    contentChanges: [
      {
        range: { start: at, end: { line: at.line, character: at.character + '(10 * 2;'.length } },
        text: '(10 * 2);',
      },
    ],
  });
}

if (!SERVER || !isExecutable(SERVER)) {
  test('amplify-ls is available', () => {
    assert.fail(`set AMPLIFY_LS to the built amplify-ls (got '${SERVER}')`);
  });
} else {
  describe('push diagnostics (a client without pull support)', () => {
    let s: Session;
    before(async () => {
      s = await startSession({ 'server.path': SERVER, 'diagnostics.debounceMs': 0 }, false);
    });
    after(async () => {
      await s?.close();
    });

    test('initialize answers with amplify-ls and incremental sync', () => {
      assert.equal(s.init.serverInfo?.name, 'amplify-ls');
      const sync = s.init.capabilities.textDocumentSync;
      assert.equal(typeof sync === 'object' ? sync.change : sync, 2, 'incremental sync');
    });

    test('the fixture file is selected and its syntax error arrives, then clears', async () => {
      const other = s.open('src/app.ts');
      assert.equal(other.opened, false, 'src/app.ts is not selected');
      const doc = s.open('amplify/data/resource.ts');
      assert.equal(doc.opened, true, 'amplify/data/resource.ts is selected');
      const diags = await s.waitDiagnostics(doc.uri, (d) => syntaxDiagnostics(d).length > 0);
      checkSyntaxDiagnostic(diags, doc.text);
      await fixSyntaxError(s, doc.uri, doc.text, 2);
      await s.waitDiagnostics(doc.uri, (d) => syntaxDiagnostics(d).length === 0);
      assert.ok(!s.diagnostics.some((p) => p.uri === other.uri), 'nothing about files outside amplify/');
    });
  });

  describe('pull diagnostics (what vscode-languageclient 9 advertises)', () => {
    let s: Session;
    before(async () => {
      s = await startSession({ 'server.path': SERVER, 'diagnostics.debounceMs': 0 }, true);
    });
    after(async () => {
      await s?.close();
    });

    test('the server offers pull diagnostics and answers them', async () => {
      assert.ok(s.init.capabilities.diagnosticProvider, 'diagnosticProvider advertised to a pull client');
      const doc = s.open('amplify/data/resource.ts');
      const report = (await withTimeout(
        'the diagnostic report',
        s.conn.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: doc.uri } }),
      )) as DocumentDiagnosticReport;
      assert.equal(report.kind, 'full');
      checkSyntaxDiagnostic(report.kind === 'full' ? report.items : [], doc.text);
    });
  });

  describe('completion and definition (when the server provides them)', () => {
    let s: Session;
    let doc: { uri: string; text: string };
    before(async () => {
      s = await startSession({ 'server.path': SERVER, 'diagnostics.debounceMs': 0 }, false);
      doc = s.open('amplify/data/resource.ts');
      await fixSyntaxError(s, doc.uri, doc.text, 2);
    });
    after(async () => {
      await s?.close();
    });

    test("completion inside a.belongsTo(' offers the models", async (t) => {
      if (!s.init.capabilities.completionProvider) {
        t.skip('server does not provide completion yet');
        return;
      }
      const at = lineOf(doc.text, "a.belongsTo('Post'");
      const result = (await withTimeout(
        'the completion response',
        s.conn.sendRequest(CompletionRequest.type, {
          textDocument: { uri: doc.uri },
          position: { line: at.line, character: at.character + "a.belongsTo('".length },
        }),
      )) as CompletionItem[] | CompletionList | null;
      const items = Array.isArray(result) ? result : result?.items ?? [];
      const labels = items.map((i) => i.label.replace(/^['"]|['"]$/g, ''));
      assert.ok(labels.includes('Post') || labels.includes('Comment'), `a model name among: ${labels.join(', ')}`);
    });

    test("definition of 'Post' is the Post: key", async (t) => {
      if (!s.init.capabilities.definitionProvider) {
        t.skip('server does not provide go-to-definition yet');
        return;
      }
      const at = lineOf(doc.text, "a.belongsTo('Post'");
      const result = (await withTimeout(
        'the definition response',
        s.conn.sendRequest(DefinitionRequest.type, {
          textDocument: { uri: doc.uri },
          position: { line: at.line, character: at.character + "a.belongsTo('".length + 1 },
        }),
      )) as Location | Location[] | LocationLink[] | null;
      const list = result === null ? [] : Array.isArray(result) ? result : [result];
      assert.equal(list.length, 1, `one definition: ${JSON.stringify(result)}`);
      const first = list[0] as Location & LocationLink;
      const uri = first.targetUri ?? first.uri;
      const range = first.targetSelectionRange ?? first.range;
      assert.equal(uri, doc.uri);
      assert.equal(range.start.line, lineOf(doc.text, 'Post: a.model(').line);
    });
  });
}
