export const handler = async (event: { arguments: { email: string } }) => {
  console.log('disable', event.arguments.email);
  return true;
};
