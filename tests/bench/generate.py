"""Generates a deterministic, valid Amplify Gen 2 backend with N models, for
the benchmark (and as a large valid project that must get zero errors).

    generate.py OUT_DIR N [--split]

Models come in groups of ten covering: hasMany/belongsTo, hasOne/belongsTo,
a many-to-many join model, a composite identifier with matching composite
references, secondary indexes, named and inline enums, custom types,
authorization at schema, model, field and relationship level, custom
queries/mutations with function and custom handlers, and a subscription.
With --split the schema is spread over one file per group, joined with
object spreads, as large real projects do. Auth, storage and functions are
included. The same N gives the same bytes.
"""
import os
import sys


def group(g):
    """The schema entries of group g (ten models and friends) as TS lines."""
    P = "G%d" % g
    return [
        "  %sStatus: a.enum(['DRAFT', 'PUBLISHED', 'ARCHIVED'])," % P,
        "  %sAddress: a.customType({ street: a.string(), city: a.string(), zip: a.string() })," % P,
        "  %sAuthor: a.model({" % P,
        "    name: a.string().required(),",
        "    email: a.email(),",
        "    address: a.ref('%sAddress')," % P,
        "    posts: a.hasMany('%sPost', 'authorId')," % P,
        "    profile: a.hasOne('%sProfile', 'authorId')," % P,
        "  }).authorization((allow) => [allow.owner(), allow.guest().to(['read'])]),",
        "  %sProfile: a.model({" % P,
        "    bio: a.string(),",
        "    authorId: a.id(),",
        "    author: a.belongsTo('%sAuthor', 'authorId')," % P,
        "  }).authorization((allow) => [allow.owner()]),",
        "  %sPost: a.model({" % P,
        "    title: a.string().required(),",
        "    body: a.string(),",
        "    status: a.ref('%sStatus')," % P,
        "    views: a.integer().default(0),",
        "    authorId: a.id(),",
        "    author: a.belongsTo('%sAuthor', 'authorId')," % P,
        "    comments: a.hasMany('%sComment', 'postId')," % P,
        "    tags: a.hasMany('%sPostTag', 'postId')," % P,
        "    secret: a.string().authorization((allow) => [allow.owner()]),",
        "  })",
        "    .secondaryIndexes((index) => [index('authorId').sortKeys(['title']).queryField('%spostsByAuthor')])" % P.lower(),
        "    .authorization((allow) => [allow.owner(), allow.authenticated().to(['read'])]),",
        "  %sComment: a.model({" % P,
        "    content: a.string().required(),",
        "    kind: a.enum(['NOTE', 'REPLY']),",
        "    postId: a.id(),",
        "    post: a.belongsTo('%sPost', 'postId')," % P,
        "  }).authorization((allow) => [allow.owner(), allow.groups(['ADMINS'])]),",
        "  %sTag: a.model({ label: a.string().required(), posts: a.hasMany('%sPostTag', 'tagId') })" % (P, P),
        "    .authorization((allow) => [allow.authenticated()]),",
        "  %sPostTag: a.model({" % P,
        "    postId: a.id(),",
        "    tagId: a.id(),",
        "    post: a.belongsTo('%sPost', 'postId')," % P,
        "    tag: a.belongsTo('%sTag', 'tagId')," % P,
        "  }).authorization((allow) => [allow.authenticated()]),",
        "  %sStore: a.model({" % P,
        "    tenant: a.string().required(),",
        "    code: a.string().required(),",
        "    items: a.hasMany('%sItem', ['storeTenant', 'storeCode'])," % P,
        "  }).identifier(['tenant', 'code']).authorization((allow) => [allow.groupDefinedIn('tenant')]),",
        "  %sItem: a.model({" % P,
        "    storeTenant: a.string(),",
        "    storeCode: a.string(),",
        "    price: a.float(),",
        "    store: a.belongsTo('%sStore', ['storeTenant', 'storeCode'])," % P,
        "  }).authorization((allow) => [allow.authenticated()]),",
        "  %sEvent: a.model({ at: a.datetime().required(), level: a.ref('%sStatus') })" % (P, P),
        "    .authorization((allow) => [allow.publicApiKey().to(['read']), allow.owner()]),",
        "  %sAudit: a.model({ action: a.string(), by: a.string() }).disableOperations(['subscriptions'])" % P,
        "    .authorization((allow) => [allow.groups(['ADMINS'])]),",
        "  %sSearch: a.query().arguments({ text: a.string().required() }).returns(a.ref('%sPost').array())" % (P.lower(), P),
        "    .handler(a.handler.function(searchFn)).authorization((allow) => [allow.authenticated()]),",
        "  %sPublish: a.mutation().arguments({ postId: a.id().required() }).returns(a.ref('%sPost'))" % (P.lower(), P),
        "    .handler(a.handler.custom({ entry: './publish.js', dataSource: a.ref('%sPost') }))" % P,
        "    .authorization((allow) => [allow.authenticated()]),",
        "  %sOnPublish: a.subscription().for(a.ref('%sPublish'))" % (P.lower(), P.lower()),
        "    .handler(a.handler.custom({ entry: './on-publish.js' })).authorization((allow) => [allow.authenticated()]),",
    ]


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def generate(out, n, split):
    groups = max(1, (n + 9) // 10)
    amp = os.path.join(out, "amplify")
    write(os.path.join(out, "package.json"),
          '{ "devDependencies": { "@aws-amplify/backend": "^1.25.1", "@aws-amplify/data-schema": "^1.26.2" } }\n')
    write(os.path.join(amp, "backend.ts"),
          "import { defineBackend } from '@aws-amplify/backend';\n"
          "import { auth } from './auth/resource';\nimport { data } from './data/resource';\n"
          "import { storage } from './storage/resource';\nimport { searchFn } from './functions/search/resource';\n"
          "defineBackend({ auth, data, storage, searchFn });\n")
    write(os.path.join(amp, "auth/resource.ts"),
          "import { defineAuth } from '@aws-amplify/backend';\n"
          "export const auth = defineAuth({ loginWith: { email: true }, groups: ['ADMINS'] });\n")
    write(os.path.join(amp, "storage/resource.ts"),
          "import { defineStorage } from '@aws-amplify/backend';\n"
          "export const storage = defineStorage({\n  name: 'media',\n  access: (allow) => ({\n"
          "    'public/*': [allow.guest.to(['read']), allow.authenticated.to(['read', 'write'])],\n"
          "    'private/{entity_id}/*': [allow.entity('identity').to(['read', 'write', 'delete'])],\n  }),\n});\n")
    write(os.path.join(amp, "functions/search/handler.ts"),
          "export const handler = async (event: { arguments: { text: string } }) => [];\n")
    write(os.path.join(amp, "functions/search/resource.ts"),
          "import { defineFunction } from '@aws-amplify/backend';\n"
          "export const searchFn = defineFunction({ name: 'search', timeoutSeconds: 30 });\n")
    head = ("import { a, defineData, type ClientSchema } from '@aws-amplify/backend';\n"
            "import { searchFn } from '../functions/search/resource';\n")
    if not split:
        body = [l for g in range(groups) for l in group(g)]
        write(os.path.join(amp, "data/resource.ts"), head + "\nconst schema = a.schema({\n" + "\n".join(body) +
              "\n}).authorization((allow) => [allow.resource(searchFn)]);\n\n"
              "export type Schema = ClientSchema<typeof schema>;\n"
              "export const data = defineData({ schema, authorizationModes: { defaultAuthorizationMode: 'userPool',"
              " apiKeyAuthorizationMode: { expiresInDays: 30 } } });\n")
        return
    imports = []
    for g in range(groups):
        write(os.path.join(amp, "data/groups/g%d.ts" % g), head.replace("../functions", "../../functions") +
              "\nexport const g%d = {\n" % g + "\n".join(group(g)) + "\n};\n")
        imports.append("import { g%d } from './groups/g%d';" % (g, g))
    write(os.path.join(amp, "data/resource.ts"), head + "\n".join(imports) + "\n\nconst schema = a.schema({\n" +
          "\n".join("  ...g%d," % g for g in range(groups)) +
          "\n}).authorization((allow) => [allow.resource(searchFn)]);\n\n"
          "export type Schema = ClientSchema<typeof schema>;\n"
          "export const data = defineData({ schema, authorizationModes: { defaultAuthorizationMode: 'userPool',"
          " apiKeyAuthorizationMode: { expiresInDays: 30 } } });\n")


if __name__ == "__main__":
    generate(sys.argv[1], int(sys.argv[2]), "--split" in sys.argv)
