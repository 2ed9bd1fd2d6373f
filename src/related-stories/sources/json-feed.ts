import type { Story } from '../story.js';
import { stories, type Json } from './build.js';

/** Stories from a JSON Feed 1.0 or 1.1 (`url`, not `external_url`, is the story). */
export const jsonFeed = (data: Json, base: string, max: number): Story[] =>
  stories(data.items, 'jsonfeed',
    'url|title|summary content_html content_text|date_published|image banner_image|content_html content_text', base, max);
