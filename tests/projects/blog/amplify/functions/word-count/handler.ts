import type { Schema } from '../../data/resource';

export const handler: Schema['countWords']['functionHandler'] = async (event) => {
  const words = event.arguments.text.trim().split(/\s+/).filter(Boolean);
  return words.length;
};
