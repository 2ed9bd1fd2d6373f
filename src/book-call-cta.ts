import { BookCallCtaElement } from './book-call-cta/book-call-cta.js';

BookCallCtaElement.define();

export { BookCallCtaElement };
export type * from './book-call-cta/book-call-cta.js';
