import type { Story } from '../story.js';
import { stories, type Json } from './build.js';

/** Stories from a WordPress REST `/wp/v2/posts` response; an error object throws. */
export const wordpress = (data: Json, base: string, max: number): Story[] =>
  // date_gmt has no zone and is UTC, as parseDate reads a zoneless time; `date` is the site's local
  // time, read only when `_fields` leaves date_gmt out.
  stories(data, 'wordpress',
    // The 768px medium_large size, else the 1024px large one (either may be switched off), else the upload.
    'link|title.rendered|excerpt.rendered|date_gmt date|_embedded.wp:featuredmedia.0.media_details.sizes.medium_large.source_url _embedded.wp:featuredmedia.0.media_details.sizes.large.source_url _embedded.wp:featuredmedia.0.source_url|content.rendered',
    base, max);
