// Stands in for a Squarespace 7.0 template's site script with "Ajax loading" on: it does what
// Squarespace's Mercury loader (@squarespace/mercury, used by the 7.0 template frameworks when the
// tweak-site-ajax-loading-enable style setting is on and nobody is logged in) does on a click:
//
//   1. a click on an <a> (no modifier key, not [data-no-ajax], not a #hash link) is cancelled;
//   2. the current history entry is replaced with one that remembers the scroll position;
//   3. the link's page is fetched with a GET and parsed with DOMParser;
//   4. history.pushState() with the new URL, then, for each selector of the update matrix, the
//      element's innerHTML is replaced with the new page's (title, navigation, content region) or
//      its attributes copied (body) — so scripts in the new content are never run, and nothing in
//      <head> but what the matrix names changes;
//   5. window.scrollTo(0, 0) and a `mercury:load` event on window.
//
// Back and forward (popstate) fetch the remembered URL the same way, without pushing.
// Under Trusted Types a host's own loader needs its own policy (`squarespace-loader` here), as
// Squarespace's does not have one.
const policy = window.trustedTypes?.createPolicy('squarespace-loader', { createHTML: (html) => html }) ?? { createHTML: (html) => html };

const updateMatrix = [
  { selector: 'title', updateHTML: true },
  { selector: 'body', updateAttrs: true },
  { selector: '.Header-nav--primary', updateHTML: true },
  { selector: '.Content-outer', updateHTML: true, updateAttrs: true },
];
const onClickExceptions = '[data-no-ajax], [href^="#"], [target="_blank"], [href^="mailto:"], [href^="tel:"]';

function replaceAttributes(active, reference) {
  for (const { name } of [...active.attributes]) if (!reference.hasAttribute(name)) active.removeAttribute(name);
  for (const { name, value } of [...reference.attributes]) active.setAttribute(name, value);
}

function updateDOM(html) {
  const next = new DOMParser().parseFromString(policy.createHTML(html), 'text/html');
  for (const { selector, updateHTML, updateAttrs } of updateMatrix) {
    const active = document.querySelector(selector);
    const reference = next.querySelector(selector);
    if (active && reference) {
      if (updateHTML) active.innerHTML = policy.createHTML(reference.innerHTML);
      if (updateAttrs) replaceAttributes(active, reference);
    } else active?.remove();
  }
  window.scrollTo(0, 0);
}

async function load(url, isPopState) {
  const here = location.pathname + location.search;
  history.replaceState({ url: here, scroll: { x: scrollX, y: scrollY } }, document.title, here);
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch {
    location.href = url;
    return;
  }
  if (response.status !== 200) {
    location.href = url;
    return;
  }
  const html = await response.text();
  window.dispatchEvent(new CustomEvent('mercury:unload'));
  if (!isPopState) history.pushState({ url }, document.title, url);
  updateDOM(html);
  window.dispatchEvent(new CustomEvent('mercury:load'));
}

document.body.addEventListener('click', (event) => {
  if (event.metaKey || event.ctrlKey || event.altKey || event.shiftKey) return;
  const link = event.target.closest?.('a');
  if (!link || !document.body.contains(link) || link.matches(onClickExceptions)) return;
  if (new URL(link.href).origin !== location.origin) return;
  event.preventDefault();
  void load(link.getAttribute('href'), false);
});

window.addEventListener('popstate', (event) => {
  if (event.state?.url) void load(event.state.url, true);
});
