// run-synth.mts - import an amplify/backend.ts and synthesize its CDK app.
// defineBackend() registers `process.once('message', 'amplifySynth')`; emitting
// that message is what the Amplify CLI does to trigger `app.synth()`.
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const entry = path.resolve(process.argv[2]);
await import(pathToFileURL(entry).href);
process.emit('message' as never, 'amplifySynth' as never);
console.log('SYNTH_OK');
