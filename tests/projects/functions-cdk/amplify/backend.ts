import { defineBackend } from '@aws-amplify/backend';
import * as sns from 'aws-cdk-lib/aws-sns';
import { data } from './data/resource';
import { nightlyDigest } from './functions/nightly-digest/resource';
import { weeklyReport } from './functions/weekly-report/resource';
import { pyWorker } from './functions/py-worker/resource';
import { hello } from './functions/hello/resource';

const backend = defineBackend({
  data,
  nightlyDigest,
  weeklyReport,
  pyWorker,
  hello,
});

const isProduction = process.env.NODE_ENV === 'production';

// nightlyDigest lives in the `data` resource group, so using data tokens is safe.
const postTable = backend.data.resources.tables['Post'];
backend.nightlyDigest.addEnvironment('TABLE', postTable.tableName);
postTable.grantReadData(backend.nightlyDigest.resources.lambda);

// A custom stack with an SNS topic.
const customStack = backend.createStack('custom');
const digestTopic = new sns.Topic(customStack, 'DigestTopic', {
  displayName: isProduction ? 'Nightly digest' : 'Nightly digest (dev)',
});
digestTopic.grantPublish(backend.nightlyDigest.resources.lambda);
backend.nightlyDigest.addEnvironment('TOPIC_ARN', digestTopic.topicArn);

// Environment-dependent settings.
backend.data.resources.cfnResources.cfnGraphqlApi.xrayEnabled = isProduction;
if (process.env.AWS_BRANCH === 'main') {
  backend.weeklyReport.addEnvironment('REPORT_RECIPIENTS', 'team@example.com');
}
backend.pyWorker.addEnvironment('MODE', isProduction ? 'batch' : 'single');

backend.addOutput({
  custom: {
    digestTopicArn: digestTopic.topicArn,
    stage: isProduction ? 'prod' : 'dev',
  },
});
