/** The sources `<related-stories>` reads; `auto` sniffs one of them. */
export type Format = 'wordpress' | 'squarespace' | 'rss' | 'atom' | 'jsonfeed';

/**
 * One story, whatever it came from: plain text and checked URLs only, ready to render as text.
 * Parsers build these from untrusted feeds; the element also reads its light-DOM list into them.
 */
export interface Story {
  /** Plain text, never markup; never empty (a post without a title gets the start of its text). */
  title: string;
  /** Absolute `http(s)` URL of the story. */
  url: string;
  /** Plain text, whitespace collapsed, at most a few hundred characters; may be empty. */
  excerpt: string;
  /** Publication time in epoch milliseconds, when the source gives one that parses. */
  date?: number;
  /** Absolute `http(s)` URL of the story's own image (never a tracking pixel, avatar or video). */
  image?: string;
  /** Minutes to read, only when the source carries the story's full text. */
  minutes?: number;
}
