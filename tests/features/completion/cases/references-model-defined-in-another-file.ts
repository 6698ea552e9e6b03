//- amplify/data/models.ts
import { a } from '@aws-amplify/backend';

export const Category = a.model({ name: a.string(), products: a.hasMany('Product', 'categoryId') });
export const Order = a
  .model({
    code: a.string().required(),
    categoryId: a.id(),
    note: a.string(),
    category: a.belongsTo('Category', '$0'),
  })
  .identifier(['code']);
//- amplify/data/resource.ts
import { a, defineData } from '@aws-amplify/backend';
import { Category, Order } from './models';

const schema = a.schema({ Category, Product: Order });
export const data = defineData({ schema });
