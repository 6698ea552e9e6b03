import type { AppSyncAuthorizerHandler } from 'aws-lambda';

export const handler: AppSyncAuthorizerHandler<{ partner: string }> = async (event) => {
  const ok = event.authorizationToken.startsWith('partner-');
  return {
    isAuthorized: ok,
    resolverContext: { partner: event.authorizationToken.slice('partner-'.length) },
    ttlOverride: 300,
  };
};
