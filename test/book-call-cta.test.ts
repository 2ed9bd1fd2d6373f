import { aTimeout, waitUntil, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { BookCallCtaElement } from '../src/book-call-cta.js';
import { captureWarnings, isRendered } from './helpers.js';

const shadow = <T extends Element = HTMLElement>(el: BookCallCtaElement, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const button = (el: BookCallCtaElement) => shadow(el, '[part="button"]')!;
const dialog = (el: BookCallCtaElement) => shadow<HTMLDialogElement>(el, 'dialog')!;
const frame = (el: BookCallCtaElement) => shadow<HTMLIFrameElement>(el, 'iframe');
// Assertions compare booleans and names, never frames: reporting a failed comparison would walk a
// same-origin frame's whole window and never finish.
const hasFrame = (el: BookCallCtaElement) => frame(el) !== null;

const CALENDLY = 'https://calendly.com/stories-with-ease/discovery-call';
/** A self-hosted Cal.com on this test server: its frame is same-origin, so a test can speak from inside it. */
const LOCAL_CAL = new URL('/test/scheduler/discovery-call', location.href).href;

const article = (attributes: Partial<Record<'mode' | 'consent' | 'provider' | 'href' | 'lang', string>> = {}, link = CALENDLY) => {
  const el = document.createElement('book-call-cta');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  el.innerHTML = `<h2 id="heading">Ready to try out holistic therapy?</h2>
    <p id="text">Let’s explore how working with your body can help you feel more grounded, clear, and calm.</p>
    <p id="line"><a href="${link}">Book a free discovery call today</a></p>`;
  return fixture<BookCallCtaElement>(el);
};

/** Posts `data` to the page from inside the element's frame, as the scheduler would. */
function postFromFrame(el: BookCallCtaElement, data: unknown) {
  const inside = frame(el)!.contentWindow as Window & typeof globalThis;
  inside.Function('data', 'parent.postMessage(data, "*")')(data);
}

/** A Cal.com message as its embed frame posts it (see test/providers.test.ts for the sources). */
const cal = (type: string, data: unknown) => ({ originator: 'CAL', type, namespace: '', fullType: `CAL::${type}`, data });

/** Resolves once every message posted before it has been delivered. */
const delivered = () => new Promise((resolve) => setTimeout(resolve, 50));

/** Waits until the scheduler's frame is there: its code loads on the first activation. */
async function framed(el: BookCallCtaElement) {
  await waitUntil(() => hasFrame(el), 'no frame after activation');
  await el.updateComplete;
  await aTimeout(0);
}

/** Waits until the frame (same-origin here) has loaded its page. */
async function loaded(el: BookCallCtaElement) {
  await framed(el);
  await waitUntil(() => frame(el)!.contentWindow!.location.href !== 'about:blank' && frame(el)!.contentDocument!.readyState === 'complete', 'the frame did not load');
}

async function openPopup(el: BookCallCtaElement) {
  button(el).click();
  await framed(el);
}

describe('<book-call-cta>', () => {
  describe('renders from its light DOM', () => {
    it('slots the heading and text, and turns the booking link into a link that opens a new tab', async () => {
      const el = await article();
      expect(isRendered(el.querySelector('#heading')!)).to.equal(true);
      expect(isRendered(el.querySelector('#text')!)).to.equal(true);
      // The link's own line gives way to the button, so its words are not read twice.
      expect(isRendered(el.querySelector('#line')!)).to.equal(false);
      const link = button(el) as HTMLAnchorElement;
      expect(link.localName).to.equal('a');
      expect(link.href).to.equal(CALENDLY);
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener');
      expect(link.textContent!.trim()).to.equal('Book a free discovery call today');
      expect(isRendered(link)).to.equal(true);
      expect(el.shadowRoot!.querySelector('iframe, dialog')).to.equal(null);
    });

    it('keeps a link inside running text where it is, and still offers the button', async () => {
      const el = document.createElement('book-call-cta') as BookCallCtaElement;
      el.innerHTML = `<p id="sentence"><a href="${CALENDLY}">Book a free discovery call today</a> and see if it’s the right fit for you.</p>`;
      await fixture(el);
      expect(isRendered(el.querySelector('#sentence')!)).to.equal(true);
      expect(button(el).textContent).to.contain('Book a free discovery call today');
    });

    it('uses the last link as the booking link, and a default label when it has no text', async () => {
      const el = document.createElement('book-call-cta') as BookCallCtaElement;
      el.innerHTML = `<p>Read <a href="/about">about me</a> first.</p><a href="${CALENDLY}"></a>`;
      await fixture(el);
      expect((button(el) as HTMLAnchorElement).href).to.equal(CALENDLY);
      expect(button(el).textContent).to.contain('Book a call');
    });

    it('follows changes to its light DOM', async () => {
      const el = await article();
      el.querySelector('a')!.textContent = 'Book a first session';
      await aTimeout(0);
      await el.updateComplete;
      expect(button(el).textContent).to.contain('Book a first session');
    });
  });

  describe('is accessible', () => {
    it('as a link, with the consent line, as a closed popup and as an inline placeholder', async () => {
      await expect(await article()).to.be.accessible();
      await expect(await article({ consent: 'required' })).to.be.accessible();
      await expect(await article({ mode: 'popup' })).to.be.accessible();
      await expect(await article({ mode: 'inline', consent: 'required' })).to.be.accessible();
    });

    it('with the dialog open, and with the inline scheduler loaded', async () => {
      const popup = await article({ mode: 'popup', provider: 'cal' }, LOCAL_CAL);
      await openPopup(popup);
      expect(dialog(popup).open).to.equal(true);
      await expect(popup).to.be.accessible();
      const inline = await article({ mode: 'inline', provider: 'cal' }, LOCAL_CAL);
      button(inline).click();
      await framed(inline);
      await expect(inline).to.be.accessible();
    });

    it('when the URL is refused', async () => {
      await captureWarnings(async () => {
        await expect(await article({}, 'javascript:alert(1)')).to.be.accessible();
      });
    });
  });

  describe('attributes', () => {
    it('href overrides the link, and utm-* are added to the booking URL', async () => {
      const el = await article({ href: 'https://cal.com/stories-with-ease/discovery' });
      el.setAttribute('utm-source', 'blog');
      el.setAttribute('utm-campaign', 'crying after sex');
      await el.updateComplete;
      const url = new URL((button(el) as HTMLAnchorElement).href);
      expect(url.origin + url.pathname).to.equal('https://cal.com/stories-with-ease/discovery');
      expect(url.searchParams.get('utm_source')).to.equal('blog');
      expect(url.searchParams.get('utm_campaign')).to.equal('crying after sex');
      expect(url.searchParams.has('utm_medium')).to.equal(false);
    });

    it('consent="required" names the scheduler in plain words, and offers a new tab in popup and inline modes', async () => {
      const link = await article({ consent: 'required' });
      expect(shadow(link, '[part="consent"]')!.textContent).to.contain('Opens Calendly, an external service that may set cookies.');
      expect(button(link).getAttribute('aria-describedby')).to.equal('consent');
      expect(shadow(link, '[part="elsewhere"]')).to.equal(null);
      const popup = await article({ consent: 'required', mode: 'popup' });
      const elsewhere = shadow<HTMLAnchorElement>(popup, '[part="elsewhere"]')!;
      expect(elsewhere.href).to.equal(CALENDLY);
      expect(elsewhere.target).to.equal('_blank');
      expect(elsewhere.rel).to.equal('noopener');
      const other = await article({ consent: 'required' }, 'https://booking.example.org/me');
      expect(shadow(other, '[part="consent"]')!.textContent).to.contain('Opens booking.example.org,');
    });

    it('reflects the mode and speaks French where the page does', async () => {
      const el = await article({ mode: 'popup', consent: 'required', lang: 'fr' });
      expect(el.mode).to.equal('popup');
      el.mode = 'inline';
      await el.updateComplete;
      expect(el.getAttribute('mode')).to.equal('inline');
      expect(shadow(el, '[part="consent"]')!.textContent).to.contain('Ouvre Calendly, un service externe');
      expect(shadow(el, '[part="elsewhere"]')!.textContent).to.equal('L’ouvrir plutôt dans un nouvel onglet');
    });

    it('every string can be replaced by a <key>-label attribute', async () => {
      const el = await article({ mode: 'popup', consent: 'required' });
      el.setAttribute('consent-label', 'Uses {name}; it may set cookies.');
      el.setAttribute('close-label', 'Back to the article');
      await el.updateComplete;
      expect(shadow(el, '[part="consent"]')!.textContent).to.contain('Uses Calendly; it may set cookies.');
      expect(shadow(el, '[part="close-button"]')!.textContent!.trim()).to.equal('Back to the article');
    });
  });

  describe('loads nothing from the scheduler before the reader asks', () => {
    it('has no frame, and the page has fetched nothing from the scheduler, until activation', async () => {
      performance.clearResourceTimings();
      const popup = await article({ mode: 'popup', provider: 'cal' }, LOCAL_CAL);
      const inline = await article({ mode: 'inline', provider: 'cal' }, LOCAL_CAL);
      await aTimeout(50);
      expect(hasFrame(popup) || hasFrame(inline), 'a frame before activation').to.equal(false);
      const fetched = () => performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/test/scheduler/'));
      expect(fetched()).to.have.length(0);
      button(inline).click();
      await loaded(inline);
      expect(fetched().length).to.be.greaterThan(0);
    });

    it('inline: focus moves from the button to the frame that takes its place', async () => {
      const el = await article({ mode: 'inline', provider: 'cal' }, LOCAL_CAL);
      button(el).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await aTimeout(0);
      expect(el.shadowRoot!.activeElement?.localName, 'the focused element').to.equal('iframe');
    });

    it('the frame is sandboxed, titled and sends only its origin as referrer', async () => {
      const el = await article({ mode: 'inline', provider: 'cal' }, LOCAL_CAL);
      button(el).click();
      await framed(el);
      const iframe = frame(el)!;
      expect(iframe.getAttribute('sandbox')).to.equal('allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox');
      expect(iframe.getAttribute('referrerpolicy')).to.equal('strict-origin-when-cross-origin');
      expect(iframe.title).to.equal('Book a free discovery call today (Cal.com)');
    });
  });

  describe('events', () => {
    it('book-call-cta-open carries the provider and mode, and cancelling it keeps the dialog closed', async () => {
      const el = await article({ mode: 'popup' });
      el.addEventListener('book-call-cta-open', (event) => event.preventDefault(), { once: true });
      setTimeout(() => button(el).click());
      const { detail } = await oneEvent(el, 'book-call-cta-open');
      expect(detail).to.deep.equal({ provider: 'calendly', mode: 'popup' });
      await el.updateComplete;
      expect(dialog(el).open).to.equal(false);
      expect(hasFrame(el), 'a frame after a cancelled open').to.equal(false);
    });

    it('a cancelled open stops the link from opening a tab', async () => {
      const el = await article();
      el.addEventListener('book-call-cta-open', (event) => event.preventDefault());
      const click = new MouseEvent('click', { bubbles: true, cancelable: true, composed: true });
      button(el).dispatchEvent(click);
      expect(click.defaultPrevented).to.equal(true);
    });

    it('book-call-cta-close when the dialog closes, with focus back on the button', async () => {
      const el = await article({ mode: 'popup', provider: 'cal' }, LOCAL_CAL);
      await openPopup(el);
      setTimeout(() => shadow(el, '[part="close-button"]')!.click());
      const { detail } = await oneEvent(el, 'book-call-cta-close');
      expect(detail).to.deep.equal({ provider: 'cal' });
      expect(dialog(el).open).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(button(el));
    });
  });

  describe('keyboard', () => {
    it('Enter opens the dialog with focus inside, Escape closes it and focus returns to the button', async () => {
      const el = await article({ mode: 'popup', provider: 'cal' }, LOCAL_CAL);
      button(el).focus();
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      await aTimeout(0);
      expect(dialog(el).open).to.equal(true);
      expect(dialog(el).contains(el.shadowRoot!.activeElement)).to.equal(true);
      // The rest of the page is inert while the dialog is open.
      expect(document.querySelector('body')!.matches(':modal')).to.equal(false);
      expect(dialog(el).matches(':modal')).to.equal(true);
      await sendKeys({ press: 'Escape' });
      await aTimeout(0);
      expect(dialog(el).open).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(button(el));
    });
  });

  describe('messages', () => {
    it('follows the scheduler’s height from its own frame, clamped, and reports a booking', async () => {
      const el = await article({ mode: 'inline', provider: 'cal' }, LOCAL_CAL);
      button(el).click();
      await loaded(el);
      const reserved = frame(el)!.getBoundingClientRect().height;
      expect(reserved).to.be.greaterThan(300);
      postFromFrame(el, cal('__dimensionChanged', { iframeHeight: reserved + 200, iframeWidth: 600 }));
      await delivered();
      expect(frame(el)!.getBoundingClientRect().height).to.equal(reserved + 200);
      postFromFrame(el, cal('__dimensionChanged', { iframeHeight: 10, iframeWidth: 600 }));
      await delivered();
      expect(frame(el)!.getBoundingClientRect().height, 'never below the reserved height').to.equal(reserved);
      postFromFrame(el, cal('__dimensionChanged', { iframeHeight: 50_000, iframeWidth: 600 }));
      await delivered();
      expect(frame(el)!.getBoundingClientRect().height, 'never absurd').to.equal(2400);
      setTimeout(() => postFromFrame(el, cal('bookingSuccessfulV2', { uid: 'x', title: 'Call with Ada', attendees: [{ email: 'ada@example.org' }] })));
      const { detail } = await oneEvent(el, 'book-call-cta-scheduled');
      expect(detail).to.deep.equal({ provider: 'cal' });
    });

    it('answers Cal.com’s __iframeReady with parentKnowsIframeReady, to that origin only', async () => {
      const el = await article({ mode: 'inline', provider: 'cal' }, LOCAL_CAL);
      button(el).click();
      await loaded(el);
      const heard: [unknown, string][] = [];
      frame(el)!.contentWindow!.addEventListener('message', (event) => heard.push([event.data, event.origin]));
      postFromFrame(el, cal('__iframeReady', { isPrerendering: false }));
      await delivered();
      expect(heard).to.deep.equal([[{ originator: 'CAL', method: 'parentKnowsIframeReady' }, location.origin]]);
    });

    it('ignores the same message from another window on the right origin', async () => {
      const el = await article({ mode: 'inline', provider: 'cal' }, LOCAL_CAL);
      button(el).click();
      await framed(el);
      const reserved = frame(el)!.getBoundingClientRect().height;
      let scheduled = 0;
      el.addEventListener('book-call-cta-scheduled', () => scheduled++);
      // This page shares the scheduler's origin here, but is not its frame.
      window.postMessage(cal('__dimensionChanged', { iframeHeight: reserved + 300 }), '*');
      window.postMessage(cal('bookingSuccessful', {}), '*');
      await delivered();
      expect(frame(el)!.getBoundingClientRect().height).to.equal(reserved);
      expect(scheduled).to.equal(0);
    });
  });

  describe('bad input', () => {
    for (const [name, href] of [
      ['javascript:', 'javascript:alert(document.cookie)'],
      ['data:', 'data:text/html,<script>alert(1)</script>'],
      ['http: off localhost', 'http://calendly.com/someone'],
      ['garbage', 'https://'],
    ]) {
      it(`refuses a ${name} URL: warns, and renders the call to action as text without a link`, async () => {
        let el!: BookCallCtaElement;
        const warnings = await captureWarnings(async () => {
          el = await article({ mode: 'popup' }, href);
        });
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.match(/^<book-call-cta>: refused the booking URL/);
        expect(shadow(el, '[part="label"]')!.textContent).to.equal('Book a free discovery call today');
        expect(el.shadowRoot!.querySelector('a, button, dialog')).to.equal(null);
        expect(isRendered(el.querySelector('#line')!)).to.equal(false);
      });
    }

    it('a refused href wins over the link inside: text without a link, as the attribute asked', async () => {
      let el!: BookCallCtaElement;
      const warnings = await captureWarnings(async () => {
        el = await article({ href: 'javascript:alert(1)' });
      });
      expect(warnings).to.deep.equal(['<book-call-cta>: refused the booking URL "javascript:alert(1)" (https: only); showing the text without a link.']);
      expect(el.shadowRoot!.querySelector('a')).to.equal(null);
    });

    it('no link at all: warns and renders the text', async () => {
      let el!: BookCallCtaElement;
      const warnings = await captureWarnings(async () => {
        el = await fixture<BookCallCtaElement>(html`<book-call-cta><p id="text">Book a call by phone.</p></book-call-cta>`);
      });
      expect(warnings).to.deep.equal(['<book-call-cta>: has no booking link (an <a href> or href); showing the text alone.']);
      expect(isRendered(el.querySelector('#text')!)).to.equal(true);
      expect(el.shadowRoot!.querySelector('[part="label"], [part="button"]')).to.equal(null);
    });

    it('an unknown mode or provider warns once and falls back to a link', async () => {
      let el!: BookCallCtaElement;
      const warnings = await captureWarnings(async () => {
        el = await article({ mode: 'lightbox', provider: 'zoom' });
        el.requestUpdate();
        await el.updateComplete;
      });
      expect(warnings).to.have.length(2);
      expect(warnings[0]).to.match(/^<book-call-cta>: provider="zoom" is unknown/);
      expect(warnings[1]).to.match(/^<book-call-cta>: mode="lightbox" is unknown/);
      expect(button(el).localName).to.equal('a');
    });

    it('a popup on a booking page it does not know warns and opens a new tab instead', async () => {
      let el!: BookCallCtaElement;
      const warnings = await captureWarnings(async () => {
        el = await article({ mode: 'popup' }, 'https://booking.example.org/me');
      });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/needs a scheduler it knows/);
      expect(button(el).localName).to.equal('a');
    });
  });

  it('shows its light DOM, link included, before it is defined', async () => {
    const el = await fixture(html`<book-call-cta-later><p><a id="later" href=${CALENDLY}>Book a call</a></p></book-call-cta-later>`);
    expect(isRendered(el.querySelector('#later')!)).to.equal(true);
  });

  it('a second define() throws nothing', () => {
    expect(() => BookCallCtaElement.define()).not.to.throw();
    expect(customElements.get('book-call-cta')).to.equal(BookCallCtaElement);
  });
});
