// dump-schema.mts - print what @aws-amplify/data-schema's transform() makes of
// the schema passed to defineData in an amplify/data/resource.ts (for writing
// and checking EXPECT.md by hand).
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const mod: Record<string, any> = await import(pathToFileURL(path.resolve(process.argv[2])).href);
const data = mod.data ?? Object.values(mod).find((v) => v && v.props && v.props.schema);
const schema = data.props.schema;
const parts = typeof schema === 'string' ? [schema] : schema.schemas ?? [schema];
for (const part of parts) {
  if (typeof part === 'string') {
    console.log(part);
    continue;
  }
  const t = part.transform();
  console.log(t.schema);
  console.log('# functionSchemaAccess', JSON.stringify((t.functionSchemaAccess ?? []).map((f: any) => f.actions)));
  console.log('# lambdaFunctions', JSON.stringify(Object.keys(t.lambdaFunctions ?? {})));
  console.log('# jsFunctions', JSON.stringify((t.jsFunctions ?? []).map((j: any) => [j.typeName, j.fieldName, j.handlers.map((h: any) => h.dataSource)])));
  console.log('# customSqlDataSourceStrategies', JSON.stringify((t.customSqlDataSourceStrategies ?? []).map((s: any) => [s.typeName, s.fieldName])));
}
