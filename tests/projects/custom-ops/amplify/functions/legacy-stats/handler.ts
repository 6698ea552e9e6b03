export const handler = async (event: { arguments?: Record<string, unknown> }) => {
  console.log(JSON.stringify(event.arguments ?? {}));
  return null;
};
