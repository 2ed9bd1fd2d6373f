/**
 * The CDN bundle's entry (`dist/cdn/gentle-widgets.js`): every element, registered so that the page
 * stays responsive while they upgrade.
 *
 * - The strings of every language the page's elements speak are fetched first (English needs
 *   none), so no element renders its labels in one language and then another.
 * - Each element is then defined in a task of its own, elements on the page first and in page
 *   order: one element's upgrade and first render never add up with the others' into one long
 *   task. Until its turn an element is `:not(:defined)`, so the pre-upgrade stylesheet keeps its box.
 *   A task before the first, every class is finalised and every stylesheet parsed (the shared one
 *   once), so no element's upgrade carries that too.
 *
 * Code that needs an element waits with `customElements.whenDefined('journal-prompts')`.
 */
import { BookCallCtaElement } from './book-call-cta/book-call-cta.js';
import { ContentNoticeElement } from './content-notice/content-notice.js';
import { JournalPromptsElement } from './journal-prompts/journal-prompts.js';
import { RelatedStoriesElement } from './related-stories/related-stories.js';
import type { CSSResult } from 'lit';
import { languageReady, nearestLang, pickLanguage } from './shared/i18n.js';

const elements = [ContentNoticeElement, JournalPromptsElement, BookCallCtaElement, RelatedStoriesElement];
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

const onPage = [...document.querySelectorAll(elements.map((element) => element.defaultTag).join())];
const order = [...new Set([...onPage.map((node) => node.localName), ...elements.map((element) => element.defaultTag)])];

void Promise.all(onPage.map((node) => languageReady(pickLanguage(nearestLang(node))))).then(async () => {
  await nextTask();
  // Every class finalised (reading `observedAttributes` does it) and every stylesheet parsed (shared
  // ones once), in a task before the first upgrade.
  for (const element of elements) {
    void element.observedAttributes;
    for (const style of element.elementStyles) void (style as CSSResult).styleSheet;
  }
  for (const tag of order) {
    await nextTask();
    elements.find((element) => element.defaultTag === tag)?.define();
  }
});
