/**
 * Every client-side decision of the extension, as plain functions that do not
 * import `vscode`: which documents amplify-ls gets, how settings become
 * initializationOptions, which executable is started and how. extension.ts
 * feeds them VS Code's state; the Node tests feed them a fixture and drive the
 * real server with exactly what they compute.
 */
import * as path from 'path';

/** The client id: VS Code reads `amplify-ls.trace.server` because of it. */
export const CLIENT_ID = 'amplify-ls';
export const CLIENT_NAME = 'Amplify Language Server';
/** The settings section, `amplify-ls.*`. */
export const SECTION = 'amplify-ls';

/** A VS Code DocumentFilter with all three fields. */
export interface DocumentFilter {
  scheme: string;
  language: string;
  pattern: string;
}

/** Files under an `amplify/` folder, at any depth (monorepos included). */
export const AMPLIFY_PATTERN = '**/amplify/**';

/** Languages of backend files: the DSL is TypeScript; JavaScript is accepted too. */
export const LANGUAGES = ['typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

/** The project settings file, at any depth: its problems are diagnostics. */
export const CONFIG_PATTERN = '**/amplify-ls.json';

/** Languages VS Code may give amplify-ls.json (`json`; `jsonc` when associated so). */
export const CONFIG_LANGUAGES = ['json', 'jsonc'];

/**
 * The document selector: TypeScript (and JavaScript) files on disk under
 * `amplify/`, and `amplify-ls.json` files, so that the server reads an open
 * one from its buffer and reports its problems as the user types. Other files
 * stay with the TypeScript server alone. (Watched files need no setting
 * here: the server registers its file watchers itself.)
 */
export const documentSelector: DocumentFilter[] = [
  ...LANGUAGES.map((language) => ({ scheme: 'file', language, pattern: AMPLIFY_PATTERN })),
  ...CONFIG_LANGUAGES.map((language) => ({ scheme: 'file', language, pattern: CONFIG_PATTERN })),
];

/** A document as the selector sees it. */
export interface DocumentInfo {
  scheme: string;
  languageId: string;
  fsPath: string;
}

/**
 * Whether `selector` selects `doc`, as VS Code decides it: one filter whose
 * fields all match. `glob(path, pattern)` is the glob matcher.
 */
export function selects(
  selector: DocumentFilter[],
  doc: DocumentInfo,
  glob: (fsPath: string, pattern: string) => boolean,
): boolean {
  return selector.some(
    (f) =>
      f.scheme === doc.scheme &&
      f.language === doc.languageId &&
      glob(doc.fsPath.split(path.sep).join('/'), f.pattern),
  );
}

export type TraceLevel = 'off' | 'messages' | 'verbose';

/** The extension's settings, read and checked. */
export interface Settings {
  /** `amplify-ls.server.path`; empty: bundled binary, then PATH. */
  serverPath: string;
  /** `amplify-ls.trace.server`. */
  trace: TraceLevel;
  /** `amplify-ls.diagnostics.debounceMs`. */
  diagnosticsDebounceMs: number;
}

export const DEFAULT_SETTINGS: Settings = {
  serverPath: '',
  trace: 'off',
  diagnosticsDebounceMs: 50,
};

/** The bounds the server accepts for `diagnosticsDebounceMs`. */
export const DEBOUNCE_MAX_MS = 10000;

/**
 * Reads the settings through `get(key)`, the keys relative to `amplify-ls.`
 * (VS Code: `workspace.getConfiguration('amplify-ls').get`). Wrong types fall
 * back to the defaults; the debounce is clamped to what the server accepts.
 */
export function readSettings(get: (key: string) => unknown): Settings {
  const serverPath = get('server.path');
  const trace = get('trace.server');
  const debounce = get('diagnostics.debounceMs');
  return {
    serverPath: typeof serverPath === 'string' ? serverPath.trim() : DEFAULT_SETTINGS.serverPath,
    trace: trace === 'messages' || trace === 'verbose' || trace === 'off' ? trace : DEFAULT_SETTINGS.trace,
    diagnosticsDebounceMs:
      typeof debounce === 'number' && Number.isFinite(debounce)
        ? Math.min(DEBOUNCE_MAX_MS, Math.max(0, Math.round(debounce)))
        : DEFAULT_SETTINGS.diagnosticsDebounceMs,
  };
}

/** The initializationOptions amplify-ls reads (see the server's README). */
export interface InitializationOptions {
  diagnosticsDebounceMs: number;
}

export function initializationOptions(settings: Settings): InitializationOptions {
  return { diagnosticsDebounceMs: settings.diagnosticsDebounceMs };
}

/**
 * The vsce `--target` of a platform, which is also the folder of the bundled
 * binary: `server/<target>/amplify-ls`. Undefined for platforms no package
 * is built for.
 */
export function platformTarget(platform: string, arch: string, musl = false): string | undefined {
  const archs: Record<string, string[]> = {
    linux: ['x64', 'arm64', 'armhf'],
    alpine: ['x64', 'arm64'],
    darwin: ['x64', 'arm64'],
    win32: ['x64', 'arm64'],
  };
  const os = platform === 'linux' && musl ? 'alpine' : platform;
  const a = arch === 'arm' ? 'armhf' : arch;
  return archs[os]?.includes(a) ? `${os}-${a}` : undefined;
}

export function executableName(platform: string): string {
  return platform === 'win32' ? 'amplify-ls.exe' : 'amplify-ls';
}

/** What resolveServer needs to know about the machine. */
export interface ResolveContext {
  /** Where the extension is installed (ExtensionContext.extensionPath). */
  extensionPath: string;
  platform: string;
  arch: string;
  /** Linux with musl libc (Alpine). */
  musl?: boolean;
  /** The environment; PATH (Path on Windows) is searched last. */
  env: Record<string, string | undefined>;
  /** For `~` in the setting. */
  homedir?: string;
  /** For a relative setting: the first workspace folder. */
  workspaceFolder?: string;
  /** Whether `file` is an executable file. */
  isExecutable: (file: string) => boolean;
}

export type ServerSource = 'setting' | 'bundled' | 'path';

export interface ResolvedServer {
  command: string;
  source: ServerSource;
}

export interface UnresolvedServer {
  error: string;
  /** Every candidate looked at, in order. */
  tried: string[];
}

/**
 * Finds the executable, in this order:
 *  1. the `amplify-ls.server.path` setting (`~` and paths relative to the
 *     first workspace folder allowed); when set, it is the only candidate;
 *  2. the binary bundled in a platform package: `server/<target>/amplify-ls`;
 *  3. `amplify-ls` on PATH.
 */
export function resolveServer(settings: Settings, ctx: ResolveContext): ResolvedServer | UnresolvedServer {
  const p = ctx.platform === 'win32' ? path.win32 : path.posix;
  const exe = executableName(ctx.platform);
  if (settings.serverPath) {
    let file = settings.serverPath;
    if (ctx.homedir && (file === '~' || file.startsWith('~/') || file.startsWith('~\\'))) {
      file = p.join(ctx.homedir, file.slice(1));
    }
    if (!p.isAbsolute(file) && ctx.workspaceFolder) {
      file = p.resolve(ctx.workspaceFolder, file);
    }
    if (ctx.isExecutable(file)) {
      return { command: file, source: 'setting' };
    }
    return {
      error: `amplify-ls: the server path setting (amplify-ls.server.path) is not an executable: ${file}`,
      tried: [file],
    };
  }
  const tried: string[] = [];
  const target = platformTarget(ctx.platform, ctx.arch, ctx.musl);
  if (target) {
    const bundled = p.join(ctx.extensionPath, 'server', target, exe);
    tried.push(bundled);
    if (ctx.isExecutable(bundled)) {
      return { command: bundled, source: 'bundled' };
    }
  }
  const pathVar = ctx.env.PATH ?? ctx.env.Path ?? '';
  for (const dir of pathVar.split(ctx.platform === 'win32' ? ';' : ':')) {
    if (!dir) {
      continue;
    }
    const file = p.join(dir, exe);
    tried.push(file);
    if (ctx.isExecutable(file)) {
      return { command: file, source: 'path' };
    }
  }
  return {
    error:
      'amplify-ls: no server executable found. Set amplify-ls.server.path, ' +
      'install a platform-specific build of this extension, or put amplify-ls on PATH.',
    tried,
  };
}

export function isResolved(r: ResolvedServer | UnresolvedServer): r is ResolvedServer {
  return (r as ResolvedServer).command !== undefined;
}

/** How the server process is started: the shape of vscode-languageclient's Executable. */
export interface ServerExecutable {
  command: string;
  args: string[];
  options: { env: Record<string, string | undefined> };
}

/**
 * The process to start. `--stdio` is explicit and no transport is given to
 * vscode-languageclient, so the arguments are exactly these.
 */
export function serverExecutable(
  resolved: ResolvedServer,
  env: Record<string, string | undefined>,
): ServerExecutable {
  return { command: resolved.command, args: ['--stdio'], options: { env: { ...env } } };
}
