export const handler = async () => 'hello';
