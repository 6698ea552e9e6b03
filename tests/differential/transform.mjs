// transform.mjs: runs @aws-amplify/data-schema's own schema.transform() on
// the data files of fixtures, for run_differential.py.
//
// Usage: node transform.mjs CACHE_DIR JOBS_JSON
//   JOBS_JSON: [{ "id": "...", "root": "/abs/project", "entry": "/abs/.../amplify/data/resource.ts" }]
// Prints one JSON object per job and line:
//   { "id", "status": "accepted" | "rejected" | "skipped", "phase", "message", "inputs": [abs paths] }
//
// Each entry is bundled with esbuild (ESM, node): '@aws-amplify/backend' is
// replaced by a small shim that re-exports the installed data-schema's `a`
// and stubs defineData (which records its props), defineFunction,
// defineAuth, referenceAuth, defineStorage, secret and defineBackend;
// '@aws-amplify/data-schema' itself stays external and is the installed
// copy; any other package (aws-cdk-lib, ...) becomes an inert stub. Then the
// bundle is imported and every recorded defineData schema is transformed the
// way @aws-amplify/backend-data does it (each schema of an a.combine).
// A failure to bundle (a missing file) or to load (a builder throwing) also
// counts as a rejection: Amplify would fail to load the backend too.

import path from 'node:path';
import fs from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const [cacheDir, jobsPath] = process.argv.slice(2);
const require = createRequire(path.join(cacheDir, 'package.json'));
const esbuild = require('esbuild');

const SHIM = `
import { a } from '@aws-amplify/data-schema';
export { a };
const inert = () => ({ getInstance: () => ({}) });
export function defineData(props) {
  (globalThis.__ampDefineData ||= []).push(props);
  return { __amplify: 'data', props };
}
export function defineFunction(props, providerProps) {
  return { __amplify: 'function', props, providerProps, getInstance: () => ({}) };
}
export function defineAuth(props) { return { __amplify: 'auth', props, ...inert() }; }
export function referenceAuth(props) { return { __amplify: 'referenceAuth', props, ...inert() }; }
export function defineStorage(props) { return { __amplify: 'storage', props, ...inert() }; }
export function secret(name) {
  return { __amplify: 'secret', name, resolve: () => ({}), resolvePath: () => ({}) };
}
export function defineBackend() { return {}; }
`;

// Anything: callable, constructible, every property is anything again.
const STUB = `
const proto = new Proxy({}, { get: (t, p) => (p === 'then' ? undefined : any) });
const any = new Proxy(function () {}, {
  get: (t, p) =>
    p === '__esModule' ? true : p === 'then' ? undefined : p === Symbol.toPrimitive ? () => '' : any,
  apply: () => any,
  construct: () => any,
  getPrototypeOf: () => proto,
});
module.exports = any;
`;

const stubPlugin = {
  name: 'amplify-ls-differential',
  setup(build) {
    build.onResolve({ filter: /^@aws-amplify\/backend$/ }, () => ({ path: 'backend', namespace: 'amp-shim' }));
    build.onResolve({ filter: /^@aws-amplify\/data-schema(\/.*)?$/ }, (args) => ({
      path: args.path,
      external: true,
    }));
    build.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('node:') || isBuiltin(args.path)
        ? { path: args.path, external: true }
        : { path: args.path, namespace: 'amp-stub' },
    );
    build.onLoad({ filter: /.*/, namespace: 'amp-shim' }, () => ({
      contents: SHIM,
      loader: 'js',
      resolveDir: cacheDir,
    }));
    build.onLoad({ filter: /.*/, namespace: 'amp-stub' }, () => ({ contents: STUB, loader: 'js' }));
  },
};

const builtins = new Set(require('node:module').builtinModules);
function isBuiltin(spec) {
  return builtins.has(spec) || builtins.has(spec.split('/')[0]);
}

function transformAll(schema) {
  if (typeof schema === 'string') return false;
  if (schema && Array.isArray(schema.schemas)) {
    for (const s of schema.schemas) s.transform();
    return true;
  }
  if (schema && typeof schema.transform === 'function') {
    schema.transform();
    return true;
  }
  return false;
}

async function runJob(job, n) {
  const out = { id: job.id, status: 'skipped', phase: '', message: '', inputs: [job.entry] };
  let result;
  try {
    result = await esbuild.build({
      entryPoints: [job.entry],
      absWorkingDir: job.root,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      write: false,
      metafile: true,
      logLevel: 'silent',
      plugins: [stubPlugin],
    });
  } catch (e) {
    const first = e.errors && e.errors[0];
    return { ...out, status: 'rejected', phase: 'bundle', message: first ? first.text : String(e) };
  }
  out.inputs = Object.keys(result.metafile.inputs)
    .filter((p) => !p.includes(':'))
    .map((p) => path.resolve(job.root, p));
  // A name a fixture uses but never declares (a snippet's `myFunction`) is
  // taken for a defineFunction result, as the fixtures mean it; each retry
  // loads a fresh copy of the bundle.
  const assumed = [];
  for (let attempt = 0; ; attempt++) {
    const file = path.join(cacheDir, 'bundles', `${n}-${attempt}.mjs`);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, result.outputFiles[0].text);
    globalThis.__ampDefineData = [];
    try {
      await import(pathToFileURL(file).href);
      break;
    } catch (e) {
      const message = String(e && e.message ? e.message : e);
      const name = e instanceof ReferenceError && /^(\w+) is not defined$/.exec(message);
      if (name && attempt < 8 && !(name[1] in globalThis)) {
        globalThis[name[1]] = { __amplify: 'function', getInstance: () => ({}) };
        assumed.push(name[1]);
        continue;
      }
      for (const a of assumed) delete globalThis[a];
      if (name) return { ...out, message: `incomplete fixture: ${message}` };
      return { ...out, status: 'rejected', phase: 'load', message };
    }
  }
  for (const a of assumed) delete globalThis[a];
  if (assumed.length) out.message = `assumed defineFunction results: ${assumed.join(', ')}`;
  const defined = globalThis.__ampDefineData;
  if (defined.length === 0) return { ...out, message: 'no defineData' };
  let transformed = false;
  for (const props of defined) {
    try {
      transformed = transformAll(props && props.schema) || transformed;
    } catch (e) {
      return { ...out, status: 'rejected', phase: 'transform', message: String(e && e.message ? e.message : e) };
    }
  }
  return transformed ? { ...out, status: 'accepted' } : { ...out, message: 'no schema builder to transform' };
}

const jobs = JSON.parse(await fs.readFile(jobsPath, 'utf8'));
let n = 0;
for (const job of jobs) {
  process.stdout.write(JSON.stringify(await runJob(job, n++)) + '\n');
}
