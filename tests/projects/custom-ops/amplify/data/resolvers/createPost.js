import { util } from '@aws-appsync/utils';

export function request(ctx) {
  return {
    operation: 'PutItem',
    key: util.dynamodb.toMapValues({ id: util.autoId() }),
    attributeValues: util.dynamodb.toMapValues({
      title: ctx.args.title,
      body: ctx.args.body,
      status: 'DRAFT',
      createdAt: util.time.nowISO8601(),
      updatedAt: util.time.nowISO8601(),
      __typename: 'Post',
    }),
  };
}

export function response(ctx) {
  return ctx.result;
}
