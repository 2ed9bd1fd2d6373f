import type { Story } from '../story.js';
import { xmlStories } from './xml.js';

/** Stories from an RSS 2.0, 0.9x or 1.0 (RDF) document. */
export const rss = (doc: Document, base: string, max: number): Story[] => xmlStories(doc, /^(rss|rdf:RDF)$/, 'rss', base, max);
