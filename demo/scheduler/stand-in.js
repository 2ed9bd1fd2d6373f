// The local stand-in booking page. Opened on its own it is a plain (pretend) booking form. In a frame
// it speaks to the page around it the way a self-hosted Cal.com embed page does, so <book-call-cta
// provider="cal"> can be shown working without anything leaving this computer:
//   1. on load it posts CAL::__iframeReady and keeps its body hidden,
//   2. it shows itself once the parent answers {originator: 'CAL', method: 'parentKnowsIframeReady'},
//   3. it posts CAL::__dimensionChanged {iframeHeight, iframeWidth, isFirstTime} whenever its height changes,
//   4. Confirm posts CAL::bookingSuccessfulV2 {uid, title, startTime, endTime, status}: made-up values,
//      never the name typed in.
// A classic script (the demo's CSP allows only scripts from this origin), run in <head> before the
// first paint; it writes text only (textContent), as Trusted Types require.
(() => {
  const framed = window.parent !== window;
  const root = document.documentElement;
  if (framed) root.classList.add('waiting');

  /** A Cal.com embed message, as its embed page posts it to the page that holds the frame. */
  function send(type, data) {
    // Cal.com posts to '*' as well: it cannot know the embedding page's origin. Nothing here is personal.
    window.parent.postMessage({ originator: 'CAL', type, namespace: '', fullType: `CAL::${type}`, data }, '*');
  }

  /** From now on, tells the parent the page's height whenever it changes. */
  function reportSize(page) {
    let last = 0;
    let isFirstTime = true;
    new ResizeObserver(() => {
      const box = page.getBoundingClientRect();
      const iframeHeight = Math.ceil(box.height);
      if (iframeHeight === last) return;
      last = iframeHeight;
      send('__dimensionChanged', { iframeHeight, iframeWidth: Math.ceil(box.width), isFirstTime });
      isFirstTime = false;
    }).observe(page, { box: 'border-box' });
  }

  addEventListener('message', (event) => {
    const data = event.data;
    if (!framed || event.source !== window.parent || !root.classList.contains('waiting')) return;
    if (data?.originator !== 'CAL' || data.method !== 'parentKnowsIframeReady') return;
    root.classList.remove('waiting');
    reportSize(document.querySelector('.page'));
  });

  addEventListener('load', () => {
    if (framed) send('__iframeReady', { isPrerendering: false });
  });

  addEventListener('DOMContentLoaded', () => {
    const form = document.getElementById('booking-form');
    const problem = document.getElementById('problem');
    form.addEventListener('change', () => {
      problem.textContent = '';
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector('input[name="time"]:checked');
      if (!chosen) {
        problem.textContent = 'Pick a time first.';
        form.querySelector('input[name="time"]').focus();
        return;
      }
      const [hours, minutes] = chosen.value.split(':').map(Number);
      const start = new Date();
      start.setDate(start.getDate() + 1);
      start.setHours(hours, minutes, 0, 0);
      const end = new Date(start.getTime() + 20 * 60 * 1000);
      if (framed) {
        send('bookingSuccessfulV2', {
          uid: `stand-in-${Math.random().toString(36).slice(2, 10)}`,
          title: 'Discovery call (local stand-in)',
          startTime: start.toISOString(),
          endTime: end.toISOString(),
          status: 'ACCEPTED',
        });
      }
      const name = document.getElementById('name').value.trim();
      const when = start.toLocaleString(undefined, { weekday: 'long', hour: '2-digit', minute: '2-digit' });
      document.getElementById('done-when').textContent = `${name ? `Thank you, ${name}. ` : ''}Your pretend call: ${when}, 20 minutes.`;
      document.getElementById('booking').hidden = true;
      const done = document.getElementById('done');
      done.hidden = false;
      document.getElementById('done-heading').focus();
    });
  });
})();
