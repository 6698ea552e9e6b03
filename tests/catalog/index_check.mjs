// index_check.mjs: checks of the resolved catalogue that need a JavaScript
// engine (the generator, in C, cannot run ECMAScript regular expressions).
//
//   node index_check.mjs <amp_catalog_index.json>
//
// For every value descriptor (of entries, params, overloads, and nested
// items): `pattern` and `key_pattern` must compile as JavaScript regular
// expressions, and every string literal it lists (enum, suggest, default)
// must match its pattern and respect min_length/max_length. Exit 0 when all
// hold, 1 otherwise (each problem printed with the entry id).

import fs from 'node:fs';

const index = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const problems = [];
let checked = 0;

function compile(id, where, source) {
  try {
    return new RegExp(source, 'u');
  } catch (e) {
    problems.push(`${id}: ${where} /${source}/ is not a valid JavaScript regular expression: ${e.message}`);
    return null;
  }
}

function checkValue(id, where, v) {
  if (!v || typeof v !== 'object') return;
  checked++;
  const re = v.pattern ? compile(id, `${where}.pattern`, v.pattern) : null;
  if (v.key_pattern) compile(id, `${where}.key_pattern`, v.key_pattern);
  const literals = [...(v.enum || []), ...(v.suggest || []), ...(v.default !== undefined ? [v.default] : [])]
    .filter((l) => typeof l === 'string');
  for (const l of literals) {
    if (re && !re.test(l)) problems.push(`${id}: ${where} literal '${l}' does not match /${v.pattern}/`);
    if (v.min_length !== undefined && l.length < v.min_length) problems.push(`${id}: ${where} literal '${l}' is shorter than min_length ${v.min_length}`);
    if (v.max_length !== undefined && l.length > v.max_length) problems.push(`${id}: ${where} literal '${l}' is longer than max_length ${v.max_length}`);
  }
  checkValue(id, `${where}.items`, v.items);
}

for (const e of index.entries) {
  checkValue(e.id, 'value', e.value);
  for (const p of e.params || []) checkValue(e.id, `param ${p.name}`, p.value);
  for (const o of e.overloads || []) for (const p of o.params || []) checkValue(e.id, `overload param ${p.name}`, p.value);
}

if (problems.length) {
  for (const p of problems) console.log(`- ${p}`);
  process.exit(1);
}
console.log(`index_check: ${checked} value descriptors of ${index.entries.length} entries are consistent`);
