import { env } from '$amplify/env/nightly-digest';

export const handler = async () => {
  console.log(`digest from ${env.DIGEST_FROM} on ${env.STAGE}, table ${process.env.TABLE}`);
};
