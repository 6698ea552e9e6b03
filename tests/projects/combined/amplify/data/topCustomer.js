import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return {
    operation: 'Scan',
    filter: ctx.args.tier
      ? util.transform.toDynamoDBFilterExpression({ tier: { eq: ctx.args.tier } })
      : null,
    limit: 1,
  };
}

export function response(ctx) {
  return ctx.result.items[0] ?? null;
}
