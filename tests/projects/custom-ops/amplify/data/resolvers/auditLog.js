export function request(ctx) {
  return { payload: { field: ctx.info.fieldName, args: ctx.args } };
}

export function response(ctx) {
  return ctx.prev.result;
}
