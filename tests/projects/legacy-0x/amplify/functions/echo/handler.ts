export const handler = async (event: { arguments: { content?: string } }) => {
  const start = Date.now();
  return {
    content: `Echoing content: ${event.arguments.content ?? ''}`,
    executionDuration: Date.now() - start,
  };
};
