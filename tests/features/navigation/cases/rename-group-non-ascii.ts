//- amplify/auth/resource.ts
import { defineAuth } from '@aws-amplify/backend';
import { preSignUp } from '../functions/pre-sign-up/resource';

export const auth = defineAuth({
  loginWith: { email: true },
  groups: ['ADMINS', 'Rédacteurs'],
  triggers: { preSignUp: preSignUp },
});
//- amplify/functions/pre-sign-up/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const preSignUp = defineFunction({ name: 'pre-sign-up' });
//- amplify/functions/authorizer/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const authorizer = defineFunction({ name: 'authorizer' });
//- amplify/functions/legacy/resource.ts
import { defineFunction } from '@aws-amplify/backend';

export const legacy = defineFunction({ name: 'legacy' });
//- amplify/storage/resource.ts
import { defineStorage } from '@aws-amplify/backend';
import { preSignUp } from '../functions/pre-sign-up/resource';

export const media = defineStorage({
  name: 'media',
  access: (allow) => ({
    'admin/*': [allow.groups(['ADMINS', 'Réd$0acteurs']).to(['read', 'write']), allow.authenticated.to(['read'])],
    'jobs/*': [allow.resource(preSignUp).to(['read'])],
  }),
  triggers: { onUpload: preSignUp },
});
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
import { authorizer } from '../functions/authorizer/resource';
import { legacy } from '../functions/legacy/resource';

const schema = a.schema({
  Recipe: a
    .model({ title: a.string(), author: a.string() })
    .authorization((allow) => [allow.ownerDefinedIn('author'), allow.groups(['ADMINS'])]),
  pantry: a
    .query()
    .returns(a.string())
    .authorization((allow) => [allow.authenticated()])
    .handler(a.handler.function('legacyStats')),
  chef: a
    .conversation({
      aiModel: a.ai.model('Claude 3.5 Sonnet'),
      systemPrompt: 'Cook.',
      tools: [
        a.ai.dataTool({ name: 'list', description: 'List.', model: a.ref('Recipe'), modelOperation: 'list' }),
        a.ai.dataTool({ name: 'pantry', description: 'Pantry.', query: a.ref('pantry') }),
      ],
    })
    .authorization((allow) => allow.owner()),
});

export const data = defineData({
  schema,
  authorizationModes: { lambdaAuthorizationMode: { function: authorizer } },
  functions: { legacyStats: legacy },
});
//- amplify/backend.ts
import { defineBackend } from '@aws-amplify/backend';
import { auth } from './auth/resource';
import { data } from './data/resource';
import { media } from './storage/resource';

defineBackend({ auth, data, media });
