//- package.json
{ "devDependencies": { "@aws-amplify/backend": "^0.15.0" } }
//- yarn.lock
# yarn lockfile v1


"@aws-amplify/backend@^0.15.0":
  version "0.15.1"
  resolved "https://example.invalid/backend-0.15.1.tgz"
//- amplify/backend.ts
// The range in package.json and the installed version in yarn.lock.
import { defineBackend } from '@aws-amplify/backend';

const backend = defineBackend({});
//              ^^^^^^^^^^^^^ backend-preview-version @aws-amplify/backend 0.15.1
