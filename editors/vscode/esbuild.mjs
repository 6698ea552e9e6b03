// Bundles the extension and vscode-languageclient into dist/extension.js
// (`vscode` is provided by the editor). `--watch` rebuilds on change;
// `--production` (run by vsce before packaging) minifies, without source map.
import * as esbuild from 'esbuild';

const options = {
  entryPoints: ['src/extension.ts'],
  bundle: true,
  outfile: 'dist/extension.js',
  external: ['vscode'],
  format: 'cjs',
  platform: 'node',
  target: 'node18',
  minify: process.argv.includes('--production'),
  sourcemap: !process.argv.includes('--production'),
  logLevel: 'warning',
};

if (process.argv.includes('--watch')) {
  const ctx = await esbuild.context(options);
  await ctx.watch();
} else {
  await esbuild.build(options);
}
