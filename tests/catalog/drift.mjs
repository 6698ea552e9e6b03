// drift.mjs: checks that the catalogue still matches the Amplify packages it
// describes.
//
//   node drift.mjs --index <amp_catalog_index.json> --cache <dir>
//
// It installs the pinned package versions named in the catalogue's
// `packages` table (plus TypeScript and the CDK peer dependencies, pinned
// below) into <dir>, then compares, in both directions:
//   1. runtime members: the exports of @aws-amplify/backend and of
//      @aws-amplify/data-schema/internals, Object.keys(a), a.handler, a.ai,
//      and the runtime keys of every builder object;
//   2. type-level members (TypeScript compiler API on a probe file): the
//      properties of every catalogued type (ModelField, AllowModel, Backend,
//      ...), the literal values of every catalogued parameter with an enum,
//      and the chain typing (once / removes / restores) of every method;
//   3. options trees: the whole props type of defineAuth, referenceAuth,
//      defineData, defineStorage, defineFunction, a.generation,
//      a.conversation, a.handler.custom, a.ai.dataTool, configure and
//      backend.addOutput, key by key and depth by depth, with their literal
//      unions against the catalogue's enum / suggest lists.
// Each difference is printed; the exit status is 1 when there is any, 0
// when none, and 77 (ctest SKIP_RETURN_CODE) when npm cannot reach the
// package registry. ALLOW below is the short list of genuinely internal
// members the catalogue leaves out on purpose, each with its reason.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

// Tooling pinned for reproducible type information (not described by the
// catalogue itself).
const TOOLING = { typescript: '5.9.3', 'aws-cdk-lib': '2.276.0', constructs: '10.8.1' };

// Members the catalogue leaves out on purpose: where -> member -> reason.
const ALLOW = {
  runtime: {
    '*': { data: 'internal builder state read by the schema processor, not user API' },
    ModelType: {
      relationships: 'present at runtime; the TypeScript type offers it only on SQL models (SqlModelType)',
      fields: 'present at runtime; the TypeScript type offers it only on SQL models (SqlModelType)',
    },
    CustomQuery: { for: 'present at runtime but removed by the TypeScript type (Omit)' },
    CustomMutation: { for: 'present at runtime but removed by the TypeScript type (Omit)' },
    CustomSubscription: { returns: 'present at runtime but removed by the TypeScript type (Omit)' },
    GenerationRoute: {
      for: 'present at runtime but removed by the TypeScript type (Omit)',
      handler: 'present at runtime but removed by the TypeScript type (Omit)',
      input: 'the generation input kept on the builder for the schema processor',
    },
    ConversationRoute: {
      aiModel: 'the conversation input spread onto the builder for the schema processor',
      systemPrompt: 'the conversation input spread onto the builder for the schema processor',
    },
  },
  types: {
    BackendSecret: {
      resolve: 'called by Amplify at deploy/start time, not by user code',
      resolvePath: 'called by Amplify at deploy/start time, not by user code',
    },
    CustomType: { fields: 'type-level carrier of the field types for ClientSchema; absent at runtime' },
    BackendData: {
      toString: 'inherited from constructs.Construct (generic object method)',
      with: 'inherited from constructs.Construct (mixin helper), not Amplify API',
    },
  },
  // Option paths whose value is described elsewhere (not expanded here).
  opaque: {
    'defineData.schema': 'schema objects are described by the a.* builder entries',
    'a.conversation.tools': 'elements are a.ai.dataTool() results, described at a.ai.dataTool',
    'Backend.addOutput.analytics': 'client configuration schema (amplify_outputs.json), versioned separately',
    'Backend.addOutput.auth': 'client configuration schema (amplify_outputs.json), versioned separately',
    'Backend.addOutput.data': 'client configuration schema (amplify_outputs.json), versioned separately',
    'Backend.addOutput.geo': 'client configuration schema (amplify_outputs.json), versioned separately',
    'Backend.addOutput.notifications': 'client configuration schema (amplify_outputs.json), versioned separately',
    'Backend.addOutput.storage': 'client configuration schema (amplify_outputs.json), versioned separately',
    'Backend.addOutput.custom': 'free-form by design',
  },
};

// Arguments used to call each method in the chain-typing probes.
const SAMPLE_ARGS = {
  'ModelField.required': '()', 'ModelField.array': '()', 'ModelField.default': "('x')",
  'ModelField.authorization': '((allow) => allow.owner())', 'ModelField.validate': '((v) => {})',
  'RefType.required': '()', 'RefType.array': '()', 'RefType.authorization': '((allow) => allow.owner())',
  'RefType.mutations': "(['create'])",
  'ModelType.identifier': "(['f'])", 'ModelType.secondaryIndexes': '((index) => [])',
  'ModelType.disableOperations': "(['queries'])", 'ModelType.authorization': '((allow) => allow.owner())',
  'IndexBuilder.sortKeys': "(['g'])", 'IndexBuilder.name': "('n')", 'IndexBuilder.queryField': "('q')",
  'IndexBuilder.projection': "('ALL')",
  'HasOneField.required': '()', 'HasOneField.authorization': '((allow) => allow.owner())',
  'HasManyField.valueRequired': '()', 'HasManyField.authorization': '((allow) => allow.owner())',
  'BelongsToField.authorization': '((allow) => allow.owner())',
  'StringValidator.minLength': '(1)', 'StringValidator.maxLength': '(9)', 'StringValidator.startsWith': "('a')",
  'StringValidator.endsWith': "('z')", 'StringValidator.matches': "('^a')",
  'NumericValidator.gt': '(0)', 'NumericValidator.lt': '(9)', 'NumericValidator.gte': '(0)', 'NumericValidator.lte': '(9)',
  'NumericValidator.positive': '()', 'NumericValidator.negative': '()',
  'CustomQuery.arguments': '({ x: a.string() })', 'CustomQuery.returns': '(a.string())',
  'CustomQuery.authorization': '((allow) => allow.authenticated())', 'CustomQuery.handler': "(a.handler.function('f'))",
  'CustomMutation.arguments': '({ x: a.string() })', 'CustomMutation.returns': '(a.string())',
  'CustomMutation.authorization': '((allow) => allow.authenticated())', 'CustomMutation.handler': "(a.handler.function('f'))",
  'CustomSubscription.arguments': '({ x: a.string() })', 'CustomSubscription.for': "(a.ref('m'))",
  'CustomSubscription.authorization': '((allow) => allow.authenticated())', 'CustomSubscription.handler': "(a.handler.custom({ entry: './x.js' }))",
  'GenerationRoute.arguments': '({ x: a.string() })', 'GenerationRoute.returns': '(a.string())',
  'GenerationRoute.authorization': '((allow) => allow.authenticated())',
  'FunctionHandler.async': '()', 'ConversationRoute.authorization': '((allow) => allow.owner())',
  'ModelSchema.authorization': '((allow) => [allow.publicApiKey()])',
  'AuthRule.to': "(['read'])", 'OwnerAuthRule.to': "(['read'])", 'OwnerAuthRule.identityClaim': "('sub')",
  'GroupAuthRule.to': "(['read'])", 'GroupAuthRule.withClaimIn': "('groups')", 'ResourceAuthRule.to': "(['query'])",
  'ConversationAuthRule.to': "(['read'])", 'ConversationAuthRule.identityClaim': "('sub')",
  'AuthAccessRule.to': "(['manageUsers'])", 'StorageAccessRule.to': "(['read'])",
  'SqlSchema.addToSchema': '({ q: a.query() })', 'SqlSchema.addQueries': '({ q: a.query() })',
  'SqlSchema.addMutations': '({ m: a.mutation() })', 'SqlSchema.addSubscriptions': '({ s: a.subscription() })',
  'SqlSchema.setAuthorization': '(() => {})', 'SqlSchema.setRelationships': '(() => [])',
  'SqlSchema.renameModels': '(() => [])', 'SqlSchema.authorization': '((allow) => allow.guest())',
};

// Expressions whose type is each catalogued type (probe file, see probeSource).
const TYPE_PROBES = {
  a: 'a', 'a.handler': 'a.handler', 'a.ai': 'a.ai',
  ModelField: 'a.string()', ModelType: 'a.model({ f: a.string().required(), g: a.string() })',
  RefType: "a.ref('X')", EnumType: "a.enum(['A'])", CustomType: 'a.customType({ f: a.string() })',
  HasOneField: "a.hasOne('X', 'y')", HasManyField: "a.hasMany('X', 'y')", BelongsToField: "a.belongsTo('X', 'y')",
  CustomQuery: 'a.query()', CustomMutation: 'a.mutation()', CustomSubscription: 'a.subscription()',
  GenerationRoute: "a.generation({ aiModel: a.ai.model('Claude 3 Haiku'), systemPrompt: 's' })",
  ConversationRoute: "a.conversation({ aiModel: a.ai.model('Claude 3 Haiku'), systemPrompt: 's' })",
  FunctionHandler: "a.handler.function('f')", AsyncFunctionHandler: "a.handler.function('f').async()",
  CustomHandler: "a.handler.custom({ entry: './x.js' })", InlineSqlHandler: "a.handler.inlineSql('select 1')",
  SqlReferenceHandler: "a.handler.sqlReference('./x.sql')",
  AiModel: "a.ai.model('Claude 3 Haiku')", DataTool: "a.ai.dataTool({ name: 'n', description: 'd', query: a.ref('q') })",
  ModelSchema: 'schema', CombinedSchema: 'a.combine([schema, sqlSchema])',
  ConfiguredSchema: 'configured', SqlSchema: 'sqlSchema',
  BackendSecret: "secret('X')", Backend: 'backend',
  BackendAuth: 'backend.auth', AuthResources: 'backend.auth.resources', AuthCfnResources: 'backend.auth.resources.cfnResources',
  BackendReferenceAuth: 'backend.refAuth', ReferenceAuthResources: 'backend.refAuth.resources',
  BackendStorage: 'backend.storage', StorageResources: 'backend.storage.resources', StorageCfnResources: 'backend.storage.resources.cfnResources',
  BackendFunction: 'backend.fn', FunctionResources: 'backend.fn.resources', FunctionCfnResources: 'backend.fn.resources.cfnResources',
  BackendData: 'backend.data', AmplifyDataResources: 'backend.data.resources', AmplifyDataCfnResources: 'backend.data.resources.cfnResources',
};

// Types only reachable inside a callback: [base expression, wrapper].
const inSchema = (x) => `schema.authorization((allow) => { ${x}; return []; });`;
const CALLBACK_PROBES = {
  IndexBuilder: ["index('f')", (x) => `a.model({ f: a.string().required(), g: a.string() }).secondaryIndexes((index) => { ${x}; return []; });`],
  AuthRule: ['allow.publicApiKey()', inSchema],
  OwnerAuthRule: ['allow.owner()', inSchema],
  GroupAuthRule: ["allow.group('g')", inSchema],
  ResourceAuthRule: ['allow.resource(fn)', inSchema],
  ConversationAuthRule: ['allow.owner()', (x) => `a.conversation({ aiModel: a.ai.model('Claude 3 Haiku'), systemPrompt: 's' }).authorization((allow) => { ${x}; return allow.owner(); });`],
  AuthAccessRule: ['allow.resource(fn)', (x) => `defineAuth({ loginWith: { email: true }, access: (allow) => { ${x}; return []; } });`],
  StorageAccessRule: ['allow.authenticated', (x) => `defineStorage({ name: 's', access: (allow) => { ${x}; return {}; } });`],
  StringValidator: ['v', (x) => `a.string().validate((v) => { ${x}; });`],
  NumericValidator: ['v', (x) => `a.integer().validate((v) => { ${x}; });`],
};

// Option trees: catalogue entry -> TypeScript type expression.
const OPTION_PROBES = {
  defineAuth: 'Parameters<typeof defineAuth>[0]',
  referenceAuth: 'Parameters<typeof referenceAuth>[0]',
  defineData: 'Parameters<typeof defineData>[0]',
  defineStorage: 'Parameters<typeof defineStorage>[0]',
  defineFunction: 'FunctionProps',
  'a.generation': 'Parameters<typeof a.generation>[0]',
  'a.conversation': 'Parameters<typeof a.conversation>[0]',
  'a.handler.custom': 'Parameters<typeof a.handler.custom>[0]',
  'a.ai.dataTool': 'Parameters<typeof a.ai.dataTool>[0]',
  configure: 'Parameters<typeof configure>[0]',
  'Backend.addOutput': "Parameters<typeof backend['addOutput']>[0]",
};

const problems = [];
const report = (msg) => problems.push(msg);

function parseArgs(argv) {
  const out = {};
  for (let i = 2; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  if (!out.index || !out.cache) {
    console.error('usage: node drift.mjs --index <amp_catalog_index.json> --cache <dir>');
    process.exit(2);
  }
  return out;
}

// ---- installation --------------------------------------------------------

function installedVersion(cache, name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(cache, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
}

const NETWORK = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|network|offline|socket hang up|request to .* failed/i;

// Installs the pinned packages into cache unless already there.
function ensureInstalled(cache, wanted) {
  const missing = Object.entries(wanted).filter(([n, v]) => installedVersion(cache, n) !== v);
  if (missing.length === 0) return;
  fs.mkdirSync(cache, { recursive: true });
  fs.writeFileSync(path.join(cache, 'package.json'),
    JSON.stringify({ name: 'amp-catalog-drift', private: true, dependencies: wanted }, null, 2));
  console.log(`drift: installing ${missing.map(([n, v]) => `${n}@${v}`).join(', ')} into ${cache}`);
  try {
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--ignore-scripts'],
      { cwd: cache, stdio: ['ignore', 'pipe', 'pipe'], timeout: 900_000 });
  } catch (e) {
    const text = `${e.stdout || ''}${e.stderr || ''}${e.message || ''}`;
    if (e.code === 'ENOENT' || NETWORK.test(text)) {
      console.log(`SKIP: cannot reach the npm package registry (or npm is missing); drift not checked.\n${text.slice(0, 600)}`);
      process.exit(77);
    }
    console.error(`drift: npm install failed:\n${text}`);
    process.exit(1);
  }
}

// ---- catalogue helpers ----------------------------------------------------

function loadCatalogue(indexPath) {
  const index = JSON.parse(fs.readFileSync(indexPath, 'utf8'));
  const byId = new Map(index.entries.map((e) => [e.id, e]));
  return { index, byId };
}

function childEntries(cat, id) {
  const e = cat.byId.get(id);
  return e ? e.children.map((c) => cat.byId.get(c)) : [];
}

// Member names (methods, properties, options, functions, namespaces) of a
// type or namespace entry; pattern members ('*') and values excluded.
function memberNames(cat, id) {
  return new Set(childEntries(cat, id)
    .filter((c) => c.kind !== 'value' && !c.name.includes('*'))
    .map((c) => c.name));
}

// The option children of an entry, including those of its value's shape.
function optionChildren(cat, e) {
  const out = new Map();
  const add = (id) => {
    for (const c of childEntries(cat, id)) if (c.kind === 'option') out.set(c.name, c);
  };
  add(e.id);
  const v = e.value || (e.params || []).map((p) => p.value).find((x) => x && x.shape) || {};
  if (v.shape) add(v.shape);
  if (v.items && v.items.shape) add(v.items.shape);
  return out;
}

function diffSets(where, pkgSet, catSet, allow = {}) {
  for (const m of pkgSet) if (!catSet.has(m) && !(m in allow)) report(`${where}: '${m}' exists in the package but not in the catalogue`);
  for (const m of catSet) if (!pkgSet.has(m)) report(`${where}: '${m}' is in the catalogue but not in the package`);
}

// ---- runtime checks --------------------------------------------------------

function runtimeChecks(cat, cache) {
  const req = createRequire(path.join(cache, 'package.json'));
  const backend = req('@aws-amplify/backend');
  const internals = req('@aws-amplify/data-schema/internals');
  const roots = cat.index.entries.filter((e) => e.parent === null);
  const imported = (spec) => new Set(roots.filter((e) => e.attrs && e.attrs.import === spec).map((e) => e.name));
  diffSets('exports of @aws-amplify/backend', new Set(Object.keys(backend)), imported('@aws-amplify/backend'));
  diffSets('exports of @aws-amplify/data-schema/internals', new Set(Object.keys(internals)),
    imported('@aws-amplify/data-schema/internals'));
  const { a } = backend;
  diffSets('Object.keys(a)', new Set(Object.keys(a)), memberNames(cat, 'a'));
  diffSets('Object.keys(a.handler)', new Set(Object.keys(a.handler)), memberNames(cat, 'a.handler'));
  diffSets('Object.keys(a.ai)', new Set(Object.keys(a.ai)), memberNames(cat, 'a.ai'));
  const s = () => a.schema({ T: a.model({ f: a.string() }) });
  const builders = {
    ModelField: a.string(), ModelType: a.model({ f: a.string() }), RefType: a.ref('X'),
    HasOneField: a.hasOne('X', 'y'), HasManyField: a.hasMany('X', 'y'), BelongsToField: a.belongsTo('X', 'y'),
    CustomQuery: a.query(), CustomMutation: a.mutation(), CustomSubscription: a.subscription(),
    GenerationRoute: a.generation({ aiModel: a.ai.model('Claude 3 Haiku'), systemPrompt: 's' }),
    ConversationRoute: a.conversation({ aiModel: a.ai.model('Claude 3 Haiku'), systemPrompt: 's' }),
    FunctionHandler: a.handler.function('f'), AiModel: a.ai.model('Claude 3 Haiku'),
    ModelSchema: s(), EnumType: a.enum(['A']),
  };
  for (const [id, obj] of Object.entries(builders)) {
    const allow = { ...ALLOW.runtime['*'], ...(ALLOW.runtime[id] || {}) };
    const keys = new Set(Object.keys(obj).filter((k) => !(k in allow)));
    const cat_ = memberNames(cat, id);
    for (const k of keys) if (!cat_.has(k)) report(`runtime keys of ${id}: '${k}' exists in the package but not in the catalogue`);
  }
  // allow objects, captured inside the callbacks
  const captured = {};
  const cap = (id) => (allow) => { captured[id] = allow; return []; };
  s().authorization(cap('AllowSchema'));
  a.model({ f: a.string() }).authorization(cap('AllowModel'));
  a.string().authorization(cap('AllowField'));
  a.query().authorization(cap('AllowCustomOperation'));
  a.conversation({ aiModel: a.ai.model('Claude 3 Haiku'), systemPrompt: 's' })
    .authorization((allow) => { captured.AllowConversation = allow; return allow.owner(); });
  for (const [id, allow] of Object.entries(captured)) {
    const names = memberNames(cat, id);
    for (const k of Object.keys(allow)) if (!names.has(k)) report(`runtime keys of ${id}: '${k}' exists in the package but not in the catalogue`);
  }
  // the operation names of .to()
  const ops = cat.byId.get('AuthRule.to').params[0].value.items.enum;
  const probe = captured.AllowModel.publicApiKey();
  if (typeof probe.to !== 'function') report('AuthRule: the runtime rule has no .to()');
  console.log(`drift: runtime members checked (${Object.keys(builders).length} builders, ${ops.length} operations)`);
}

// ---- type-level checks -----------------------------------------------------

function probeSource(cat) {
  const lines = [
    "import { a, defineAuth, defineData, defineStorage, defineFunction, referenceAuth, defineBackend, secret } from '@aws-amplify/backend';",
    "import { configure } from '@aws-amplify/data-schema/internals';",
    "import type { FunctionProps } from '@aws-amplify/backend-function';",
    'declare function probe(id: string, x: unknown): void;',
    "const fn = defineFunction({});",
    "const schema = a.schema({ T: a.model({ f: a.string() }) });",
    "const configured = configure({ database: { engine: 'mysql', connectionUri: secret('X') } });",
    "const sqlSchema = configured.schema({ P: a.model({ f: a.string() }) });",
    "const backend = defineBackend({ auth: defineAuth({ loginWith: { email: true } }), data: defineData({ schema }), storage: defineStorage({ name: 's' }), fn,",
    "  refAuth: referenceAuth({ userPoolId: 'u', identityPoolId: 'i', userPoolClientId: 'c', authRoleArn: 'r', unauthRoleArn: 'r' }) });",
    "schema.authorization((allow) => { probe('AllowSchema', allow); return []; });",
    "a.model({ f: a.string() }).authorization((allow) => { probe('AllowModel', allow); return []; });",
    "a.string().authorization((allow) => { probe('AllowField', allow); return []; });",
    "a.ref('X').authorization((allow) => { probe('AllowRef', allow); return []; });",
    "a.hasMany('X', 'y').authorization((allow) => { probe('AllowRef', allow); return []; });",
    "a.query().authorization((allow) => { probe('AllowCustomOperation', allow); probe('CustomOperationAuthRule', allow.publicApiKey()); return []; });",
    "a.conversation({ aiModel: a.ai.model('Claude 3 Haiku'), systemPrompt: 's' }).authorization((allow) => { probe('AllowConversation', allow); return allow.owner(); });",
    "defineAuth({ loginWith: { email: true }, access: (allow) => { probe('AuthAllow', allow); return []; } });",
    "defineStorage({ name: 's', access: (allow) => { probe('AllowStorage', allow); return {}; } });",
    "a.model({ f: a.string().required(), g: a.string() }).secondaryIndexes((index) => { probe('IndexFactory', index); return []; });",
    "sqlSchema.setAuthorization((models) => { probe('SqlModelType', models.P); });",
  ];
  for (const [id, expr] of Object.entries(TYPE_PROBES)) lines.push(`probe(${JSON.stringify(id)}, ${expr});`);
  for (const [id, [base, wrap]] of Object.entries(CALLBACK_PROBES)) lines.push(wrap(`probe(${JSON.stringify(id)}, ${base})`));
  // chain typing: every method with sample arguments, and each restore path
  const chainExpected = {};
  for (const e of cat.index.entries) {
    if (e.kind !== 'method' || !(e.id in SAMPLE_ARGS)) continue;
    const tid = e.parent;
    const base = TYPE_PROBES[tid] || (CALLBACK_PROBES[tid] && CALLBACK_PROBES[tid][0]);
    const wrap = (CALLBACK_PROBES[tid] && CALLBACK_PROBES[tid][1]) || ((x) => `${x};`);
    if (!base) continue;
    const seqs = [[e]];
    for (const r of e.restores || []) seqs.push([cat.byId.get(`${tid}.${r}`), e]);
    for (const seq of seqs) {
      const chain = seq.map((m) => `.${m.name}${SAMPLE_ARGS[m.id]}`).join('');
      const key = `chain:${tid}${seq.map((m) => '.' + m.name).join('')}`;
      lines.push(wrap(`probe(${JSON.stringify(key)}, ${base}${chain})`));
      chainExpected[key] = { tid, seq };
    }
  }
  for (const [id, t] of Object.entries(OPTION_PROBES)) lines.push(`declare const opt_${id.replace(/\W/g, '_')}: ${t};`);
  return { text: lines.join('\n') + '\n', chainExpected };
}

function typeChecks(cat, cache) {
  const req = createRequire(path.join(cache, 'package.json'));
  const ts = req('typescript');
  const { text, chainExpected } = probeSource(cat);
  const file = path.join(cache, 'probe.ts');
  fs.writeFileSync(file, text);
  const program = ts.createProgram([file], {
    strict: true, skipLibCheck: true, noEmit: true, target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [],
  });
  const checker = program.getTypeChecker();
  const sf = program.getSourceFile(file);
  for (const d of ts.getPreEmitDiagnostics(program).filter((x) => x.file === sf)) {
    const { line } = sf.getLineAndCharacterOfPosition(d.start || 0);
    report(`probe.ts:${line + 1}: TypeScript error (the probe no longer matches the package): ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  }
  const tools = { ts, checker, sf };
  const probes = collectProbes(tools);
  compareTypeMembers(cat, tools, probes);
  compareChains(cat, tools, probes, chainExpected);
  compareParamEnums(cat, tools, probes);
  compareOptionTrees(cat, tools);
}

// id -> [{ type, node }] for each probe(id, expr) call.
function collectProbes({ ts, checker, sf }) {
  const probes = new Map();
  const visit = (n) => {
    if (ts.isCallExpression(n) && n.expression.getText(sf) === 'probe') {
      const id = n.arguments[0].text;
      if (!probes.has(id)) probes.set(id, []);
      probes.get(id).push({ type: checker.getTypeAtLocation(n.arguments[1]), node: n.arguments[1] });
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return probes;
}

function typeMembers({ checker }, type) {
  return new Set(checker.getPropertiesOfType(checker.getApparentType(type))
    .map((p) => p.name).filter((n) => !n.startsWith('__@')));
}

// Backend keys that come from the probe's own defineBackend argument.
const PROBE_BACKEND_KEYS = new Set(['auth', 'data', 'storage', 'fn', 'refAuth']);

function compareTypeMembers(cat, tools, probes) {
  let n = 0;
  for (const e of cat.index.entries) {
    if (!(e.kind === 'type' || e.kind === 'namespace')) continue;
    const ps = probes.get(e.id);
    const shapeOnly = e.value || childEntries(cat, e.id).some((c) => c.kind === 'option');
    if (!ps && shapeOnly) continue; // an options shape or a named value: checked through the option trees
    if (!ps) {
      report(`${e.id}: no type probe (add one to drift.mjs so the type is checked)`);
      continue;
    }
    const catNames = memberNames(cat, e.id);
    for (const { type } of ps) {
      let names = typeMembers(tools, type);
      if (e.id === 'Backend') names = new Set([...names].filter((m) => !PROBE_BACKEND_KEYS.has(m)));
      if (e.id === 'IndexFactory') names = new Set();
      diffSets(`members of ${e.id}`, names, catNames, (ALLOW.types[e.id] || {}));
    }
    n++;
  }
  console.log(`drift: ${n} types and namespaces compared member by member`);
}

// Checks once / removes / restores: the members after calling a method (or
// a restoring sequence) must be what the catalogue's chain fields predict.
function compareChains(cat, tools, probes, chainExpected) {
  let n = 0;
  for (const [key, { tid, seq }] of Object.entries(chainExpected)) {
    const ps = probes.get(key);
    if (!ps) continue;
    const expected = new Set(memberNames(cat, tid));
    for (const m of seq) {
      if (m.once) expected.delete(m.name);
      for (const r of m.removes || []) expected.delete(r);
      for (const r of m.restores || []) expected.add(r);
    }
    const got = typeMembers(tools, ps[0].type);
    const call = seq.map((m) => `.${m.name}()`).join('');
    for (const m of got) if (!expected.has(m) && memberNames(cat, tid).has(m)) report(`chain ${tid}${call}: the package still offers '${m}' but the catalogue's once/removes say it is gone`);
    for (const m of expected) if (!got.has(m)) report(`chain ${tid}${call}: the package no longer offers '${m}' but the catalogue's once/removes/restores say it remains`);
    n++;
  }
  console.log(`drift: ${n} chain-typing sequences compared`);
}

function literalsOf(ts, checker, type) {
  const lits = new Set();
  let open = false;
  const t = checker.getNonNullableType(type);
  for (const m of t.isUnion() ? t.types : [t]) {
    if (m.isStringLiteral() || m.isNumberLiteral()) lits.add(String(m.value));
    else if (m.flags & ts.TypeFlags.BooleanLiteral) lits.add(checker.typeToString(m));
    else if (m.flags & (ts.TypeFlags.String | ts.TypeFlags.Number | ts.TypeFlags.TemplateLiteral)) open = true;
    else if ((m.flags & ts.TypeFlags.Intersection) && m.types.some((x) => x.flags & ts.TypeFlags.String)) open = true;
  }
  if (lits.has('true') && lits.has('false')) {
    lits.delete('true');
    lits.delete('false');
  }
  return { lits, open };
}

// The element type of an array type (of a union of array types, or of a
// type parameter constrained to arrays), or null.
function elementType(checker, type) {
  let t = checker.getNonNullableType(type);
  const constraint = t.isTypeParameter() ? checker.getBaseConstraintOfType(t) : null;
  if (constraint) t = checker.getNonNullableType(constraint);
  if (checker.isArrayType(t) || checker.isTupleType(t)) {
    const args = checker.getTypeArguments(t);
    return args.length === 1 ? args[0] : checker.getUnionType(args);
  }
  if (t.isUnion() && t.types.every((m) => checker.isArrayType(m))) {
    return checker.getUnionType(t.types.map((m) => checker.getTypeArguments(m)[0]));
  }
  return null;
}

function compareLiteralSets(where, pkg, catValue) {
  const v = catValue || {};
  const catEnum = new Set((v.enum || []).map(String));
  const catSuggest = new Set(v.suggest || []);
  if (pkg.lits.size === 0) {
    if (catEnum.size && !pkg.open) return; // e.g. any-typed in the package
    if (catEnum.size) report(`${where}: the catalogue restricts the value to [${[...catEnum]}] but the package accepts any value`);
    return;
  }
  if (pkg.open) {
    for (const l of pkg.lits) if (!catSuggest.has(l) && !catEnum.has(l)) report(`${where}: suggested literal '${l}' of the package is missing from the catalogue's suggest list`);
    return;
  }
  diffSets(`literals of ${where}`, pkg.lits, catEnum);
}

function compareParamEnums(cat, tools, probes) {
  const { ts, checker } = tools;
  let n = 0;
  for (const e of cat.index.entries) {
    if (!(e.kind === 'method' || e.kind === 'function') || !e.params) continue;
    const probe = probes.get(e.parent);
    if (!probe) continue;
    const prop = checker.getPropertyOfType(checker.getApparentType(probe[0].type), e.name);
    if (!prop) continue;
    const ptype = checker.getTypeOfSymbolAtLocation(prop, probe[0].node);
    const sig = checker.getSignaturesOfType(checker.getNonNullableType(ptype), ts.SignatureKind.Call)[0];
    if (!sig) {
      report(`${e.id}: the package member is not callable`);
      continue;
    }
    const tsParams = sig.getParameters();
    const restLast = tsParams.length && ts.isRestParameter?.(tsParams[tsParams.length - 1].valueDeclaration);
    const tsNames = tsParams.map((p) => p.name);
    const catNames = e.params.map((p) => p.name);
    if (!restLast && tsNames.join(',') !== catNames.join(',')) report(`${e.id}: parameters are (${tsNames}) in the package but (${catNames}) in the catalogue`);
    e.params.forEach((p, i) => {
      const v = p.value || {};
      if (!tsParams[i]) return;
      let t = checker.getTypeOfSymbolAtLocation(tsParams[i], probe[0].node);
      if (!(v.enum || (v.items && v.items.enum))) return;
      let target = v;
      if (v.items && v.items.enum) {
        t = elementType(checker, t);
        target = v.items;
        if (!t) {
          report(`${e.id}(${p.name}): the catalogue says array, the package parameter is not an array`);
          return;
        }
      }
      compareLiteralSets(`${e.id}(${p.name})`, literalsOf(ts, checker, t), target);
      n++;
    });
  }
  console.log(`drift: ${n} parameter literal lists compared`);
}

// ---- option trees -------------------------------------------------------

// Whether an object type is a value to pass whole rather than an options
// object to walk: a function, a class instance, an object with methods (CDK
// interfaces), a construct factory or secret, or a branded a.* builder.
function isLeafObject(ts, checker, t) {
  if (checker.getSignaturesOfType(t, ts.SignatureKind.Call).length) return true;
  const s = t.getSymbol();
  if (s && (s.flags & ts.SymbolFlags.Class)) return true;
  for (const p of checker.getPropertiesOfType(t)) {
    if (p.flags & ts.SymbolFlags.Method) return true;
    if (['getInstance', 'resolvePath'].includes(p.name) || p.name.startsWith('__@brandSymbol')) return true;
  }
  return false;
}

// Whether a type has at least one object alternative to walk into.
function hasStructure(ts, checker, type) {
  const t = checker.getNonNullableType(type);
  return (t.isUnion() ? t.types : [t]).some((m) =>
    (m.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) && !isLeafObject(ts, checker, m));
}

// The structured members of a property type: merged properties of its
// object alternatives (and of array elements), plus pattern keys.
function structure(tools, type, node) {
  const { ts, checker } = tools;
  const t = checker.getNonNullableType(type);
  const objs = [];
  for (let m of t.isUnion() ? t.types : [t]) {
    const el = elementType(checker, m);
    if (el) m = checker.getNonNullableType(el);
    for (const mm of m.isUnion() ? m.types : [m]) objs.push(mm);
  }
  const props = new Map();
  for (const m of objs) {
    if (!(m.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection))) continue;
    if (isLeafObject(ts, checker, m)) continue;
    for (const p of checker.getPropertiesOfType(m)) {
      if (p.name.startsWith('__@')) continue;
      if (!props.has(p.name)) props.set(p.name, []);
      props.get(p.name).push(checker.getTypeOfSymbolAtLocation(p, node));
    }
    for (const info of checker.getIndexInfosOfType(m)) {
      if (!hasStructure(ts, checker, info.type)) continue;
      const key = checker.typeToString(info.keyType).replace(/^`|`$/g, '').replace(/\$\{string\}/g, '*').replace(/^string$/, '*');
      if (!props.has(key)) props.set(key, []);
      props.get(key).push(info.type);
    }
  }
  return props;
}

function compareOptionTrees(cat, tools) {
  const { checker, ts, sf } = tools;
  const decls = new Map();
  const visit = (n) => {
    if (ts.isVariableDeclaration(n) && n.name.getText(sf).startsWith('opt_')) decls.set(n.name.getText(sf), n);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  let count = 0;
  const walk = (catEntry, type, node, where, depth) => {
    if (depth > 10 || where in ALLOW.opaque) return;
    const pkg = structure(tools, type, node);
    const catOpts = optionChildren(cat, catEntry);
    for (const [name, types] of pkg) {
      const child = catOpts.get(name);
      const path_ = `${where}.${name}`;
      if (!child) {
        if (!(path_ in ALLOW.opaque)) report(`${path_}: option exists in the package but not in the catalogue`);
        continue;
      }
      count++;
      const u = types.length === 1 ? types[0] : checker.getUnionType(types);
      const el = elementType(checker, u);
      const v = child.value || {};
      const lit = literalsOf(ts, checker, el && v.items ? el : u);
      if (!(path_ in ALLOW.opaque)) compareLiteralSets(path_, lit, el && v.items ? v.items : v);
      walk(child, u, node, path_, depth + 1);
    }
    for (const name of catOpts.keys()) if (!pkg.has(name)) report(`${where}.${name}: option is in the catalogue but not in the package`);
  };
  for (const [id, _t] of Object.entries(OPTION_PROBES)) {
    const decl = decls.get(`opt_${id.replace(/\W/g, '_')}`);
    const e = cat.byId.get(id);
    if (!decl || !e) {
      report(`${id}: option probe missing`);
      continue;
    }
    walk(e, checker.getTypeAtLocation(decl), decl, id, 0);
  }
  console.log(`drift: ${count} options compared (keys and literal values)`);
}

// ---- main -----------------------------------------------------------------

const args = parseArgs(process.argv);
const cat = loadCatalogue(args.index);
ensureInstalled(args.cache, { ...cat.index.packages, ...TOOLING });
runtimeChecks(cat, args.cache);
typeChecks(cat, args.cache);
if (problems.length) {
  console.log(`\ndrift: ${problems.length} difference(s) between the catalogue and the packages:`);
  for (const p of problems) console.log(`  - ${p}`);
  process.exit(1);
}
console.log('drift: the catalogue matches the packages');
