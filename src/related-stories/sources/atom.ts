import type { Story } from '../story.js';
import { xmlStories } from './xml.js';

/** Stories from an Atom 1.0 document. */
export const atom = (doc: Document, base: string, max: number): Story[] => xmlStories(doc, /^feed$/, 'atom', base, max);
