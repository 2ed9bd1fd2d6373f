// Plain TypeScript: the per-element entries register, and the DOM's own maps know the tags and events.
import 'gentle-widgets/content-notice.js';
import { BookCallCtaElement, type RelatedStory } from 'gentle-widgets';

const notice = document.querySelector('content-notice');
notice?.addEventListener('content-notice-reveal', (event) => {
  const id: string = event.detail.id;
  if (!id) event.preventDefault();
});
notice?.reveal();

const cta = document.createElement('book-call-cta');
export const isCta: boolean = cta instanceof BookCallCtaElement;

export const story: RelatedStory = { title: 'Welcome', url: 'https://example.com/', excerpt: '' };

// @ts-expect-error `variant` is one of three values.
if (notice) notice.variant = 'alarm';
