import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineFunction } from '@aws-amplify/backend';
import { Duration } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';

const functionDir = path.dirname(fileURLToPath(import.meta.url));

// Custom function form: any CDK IFunction, here a Python one.
export const pyWorker = defineFunction(
  (scope) =>
    new lambda.Function(scope, 'py-worker', {
      runtime: lambda.Runtime.PYTHON_3_12,
      handler: 'index.handler',
      code: lambda.Code.fromAsset(path.join(functionDir, 'src')),
      timeout: Duration.seconds(30),
      memorySize: 256,
    }),
  {
    resourceGroupName: 'workers',
  },
);
