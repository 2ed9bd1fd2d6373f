// Shows the last event the elements sent. Events bubble out of the elements, so one listener on the
// document hears every element on the page, including those added later.
const output = document.querySelector('#last-event');
const show = (text) => {
  output.value = text;
};

document.addEventListener('content-notice-reveal', (event) => show(`content-notice-reveal: ${event.detail.id}`));
document.addEventListener('journal-prompts-save', (event) => show(`journal-prompts-save: ${event.detail.storage}`));
document.addEventListener('book-call-cta-open', (event) => show(`book-call-cta-open: ${event.detail.provider} (${event.detail.mode})`));
