// Registers all four elements and types them: `querySelector('content-notice')` is a
// ContentNoticeElement, and each event's `detail` is typed on `addEventListener`.
import 'gentle-widgets/all.js';
// The optional pre-upgrade stylesheet: each element keeps its place while the script loads.
import 'gentle-widgets/gentle-widgets.css';

const output = document.querySelector<HTMLOutputElement>('#last-event');
const show = (text: string): void => {
  if (output) output.value = text;
};

const notice = document.querySelector('content-notice');
notice?.addEventListener('content-notice-reveal', (event) => show(`content-notice-reveal: ${event.detail.id}`));

document.querySelector('journal-prompts')?.addEventListener('journal-prompts-save', (event) => {
  show(`journal-prompts-save: ${event.detail.storage}`);
});

document.querySelector('book-call-cta')?.addEventListener('book-call-cta-open', (event) => {
  show(`book-call-cta-open: ${event.detail.provider} (${event.detail.mode})`);
});
