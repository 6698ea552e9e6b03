export function request() {
  return { payload: null };
}

export function response(ctx) {
  return `In season in ${ctx.args.city ?? 'your city'}: tomatoes, basil, zucchini.`;
}
