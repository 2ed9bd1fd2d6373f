import type { Story } from '../story.js';
import { stories, type Json } from './build.js';

/** Stories from Squarespace `?format=json`: a collection's `items`, or an item page and its neighbours. */
export const squarespace = (data: Json, base: string, max: number): Story[] => {
  const page = data.pagination;
  // Newest first: the newer neighbour, the item, the older one.
  return stories(data.items ?? (data.item && [page?.prevItem, data.item, page?.nextItem]), 'squarespace',
    'fullUrl|title|excerpt|publishOn|assetUrl|body', data.website?.baseUrl || base, max);
};
