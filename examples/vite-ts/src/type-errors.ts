// Never imported by the app: only `npm run typecheck` reads this file. Each `@ts-expect-error` marks a
// mistake the package's types must catch; if the types stopped catching one, the directive would be
// unused and the type-check would fail.
import 'gentle-widgets/all.js';

const notice = document.createElement('content-notice');
// @ts-expect-error 'alarm' is not a variant of <content-notice>.
notice.variant = 'alarm';
// @ts-expect-error remember is 'none', 'session' or 'local'.
notice.remember = 'forever';

notice.addEventListener('content-notice-reveal', (event) => {
  // @ts-expect-error the reveal event's detail has an `id`, nothing misspelt.
  console.log(event.detail.idd);
});

// A misspelt event name falls back to a plain Event, which has no detail.
// @ts-expect-error 'content-notice-reveel' is not an event of the notice.
notice.addEventListener('content-notice-reveel', (event) => console.log(event.detail));

const journal = document.querySelector('journal-prompts');
// @ts-expect-error a journal stores in 'session', 'local' or 'none'.
if (journal) journal.storage = 'cloud';

journal?.addEventListener('journal-prompts-save', (event) => {
  // @ts-expect-error the save detail says where, as a string: never the answers.
  const answers: string[] = event.detail.storage;
  console.log(answers);
});

// @ts-expect-error a booking opens as 'link', 'popup' or 'inline'.
document.createElement('book-call-cta').mode = 'modal';
// @ts-expect-error stories show as a 'grid' or a 'list'.
document.createElement('related-stories').layout = 'masonry';
