/**
 * The VS Code side: reads the settings, starts amplify-ls through
 * vscode-languageclient for the files config.documentSelector selects, and
 * registers the commands. Every decision lives in ./config, which has no
 * `vscode` import and is tested on its own.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as vscode from 'vscode';
import {
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
} from 'vscode-languageclient/node';
import * as config from './config';

let client: LanguageClient | undefined;
let output: vscode.OutputChannel | undefined;
let starting: Promise<void> | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel(config.CLIENT_NAME);
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('amplify-ls.restartServer', () => restart(context)),
    vscode.commands.registerCommand('amplify-ls.showOutput', () => output?.show(true)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // trace.server is applied by vscode-languageclient itself.
      if (
        e.affectsConfiguration(`${config.SECTION}.server`) ||
        e.affectsConfiguration(`${config.SECTION}.diagnostics`)
      ) {
        void restart(context);
      }
    }),
  );
  await start(context);
}

export async function deactivate(): Promise<void> {
  await stop();
}

function settings(): config.Settings {
  const section = vscode.workspace.getConfiguration(config.SECTION);
  return config.readSettings((key) => section.get(key));
}

function isExecutable(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) {
      return false;
    }
    if (process.platform !== 'win32') {
      fs.accessSync(file, fs.constants.X_OK);
    }
    return true;
  } catch {
    return false;
  }
}

/** Linux with musl libc (Alpine): Node's report has no glibc version there. */
function isMusl(): boolean {
  if (process.platform !== 'linux') {
    return false;
  }
  try {
    const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
    return !report?.header?.glibcVersionRuntime;
  } catch {
    return false;
  }
}

async function start(context: vscode.ExtensionContext): Promise<void> {
  const s = settings();
  const resolved = config.resolveServer(s, {
    extensionPath: context.extensionPath,
    platform: process.platform,
    arch: process.arch,
    musl: isMusl(),
    env: process.env,
    homedir: os.homedir(),
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
    isExecutable,
  });
  if (!config.isResolved(resolved)) {
    output?.appendLine(resolved.error);
    output?.appendLine(`Looked at:\n  ${resolved.tried.join('\n  ')}`);
    const choice = await vscode.window.showErrorMessage(resolved.error, 'Open Settings', 'Show Output');
    if (choice === 'Open Settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', `${config.SECTION}.server.path`);
    } else if (choice === 'Show Output') {
      output?.show(true);
    }
    return;
  }
  output?.appendLine(`Starting ${resolved.command} (${resolved.source})`);
  const executable = config.serverExecutable(resolved, process.env);
  const serverOptions: ServerOptions = { run: executable, debug: executable };
  const clientOptions: LanguageClientOptions = {
    documentSelector: config.documentSelector,
    initializationOptions: config.initializationOptions(s),
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  client = new LanguageClient(config.CLIENT_ID, config.CLIENT_NAME, serverOptions, clientOptions);
  try {
    await client.start();
  } catch (err) {
    output?.appendLine(`amplify-ls failed to start: ${String(err)}`);
    void vscode.window.showErrorMessage(`amplify-ls failed to start: ${String(err)}`, 'Show Output').then((c) => {
      if (c) {
        output?.show(true);
      }
    });
  }
}

async function stop(): Promise<void> {
  const c = client;
  client = undefined;
  if (c) {
    try {
      await c.stop();
    } catch (err) {
      output?.appendLine(`amplify-ls did not stop cleanly: ${String(err)}`);
    }
  }
}

async function restart(context: vscode.ExtensionContext): Promise<void> {
  // Restarts asked for while one runs wait for it, then run once more.
  const previous = starting ?? Promise.resolve();
  starting = previous.then(async () => {
    await stop();
    await start(context);
  });
  await starting;
}
