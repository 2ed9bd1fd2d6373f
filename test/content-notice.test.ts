import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { ContentNoticeElement } from '../src/content-notice.js';
import { nav } from '../src/content-notice/quick-exit.js';
import { GentleElement } from '../src/shared/base.js';
import { blockStorage, captureWarnings, isRendered } from './helpers.js';

const shadow = (el: ContentNoticeElement, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);
const revealButton = (el: ContentNoticeElement) => shadow(el, '[part="reveal-button"]')!;
const dismissButton = (el: ContentNoticeElement) => shadow(el, '[part="dismiss-button"]')!;
const exitButton = (el: ContentNoticeElement) => shadow(el, '[part="exit-button"]');
const weather = 'https://www.bbc.co.uk/weather';

/** Undoes a quick exit's blank page, as a page restored from the back/forward cache would. */
const restored = () => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
/** Shift pressed alone, with the real keyboard. */
const shiftThrice = async () => {
  for (let i = 0; i < 3; i++) await sendKeys({ press: 'Shift' });
};

const gated = () => html`<content-notice variant="warning" gate id="boundaries">
  <p slot="heading">This part talks about boundaries being crossed.</p>
  <p id="gated-text">If you're crying after sex because you are hurting, <a id="gated-link" href="#support">talk to someone</a>.</p>
</content-notice>`;

describe('<content-notice>', () => {
  const go = nav.go;
  /** Where quick exits went: never the real `location.replace`, which would take the test page away. */
  const went: string[] = [];
  before(() => {
    nav.go = (href) => void went.push(href);
  });
  after(() => {
    nav.go = go;
  });
  afterEach(() => {
    sessionStorage.clear();
    localStorage.clear();
    went.length = 0;
    restored();
  });

  describe('renders from its light DOM', () => {
    it('slots the body, heading and resources the author wrote', async () => {
      const el = await fixture<ContentNoticeElement>(html`<content-notice variant="distinction">
        <p slot="heading">First, an important distinction</p>
        <p id="body">That is your body and soul waving a big red flag.</p>
        <ul slot="resources"><li><a href="tel:116123">Samaritans: 116 123</a></li></ul>
      </content-notice>`);
      const body = el.querySelector('#body')!;
      expect(body.assignedSlot).to.equal(shadow(el, '[part="content"] slot'));
      expect(isRendered(body)).to.equal(true);
      expect(el.querySelector('[slot="heading"]')!.assignedSlot!.name).to.equal('heading');
      expect(shadow(el, '[part="resources"]')!.hidden).to.equal(false);
      expect(shadow(el, '[part="notice"]')!.getAttribute('role')).to.equal('region');
      expect(shadow(el, '[part="reveal-button"]')).to.equal(null);
    });

    it('gives each variant its default, localised heading and a calm role (never alert)', async () => {
      for (const [variant, heading, role] of [
        ['distinction', 'An important distinction', 'region'],
        ['disclaimer', 'Important note', 'note'],
        ['warning', 'Content note', 'region'],
      ]) {
        const el = await fixture<ContentNoticeElement>(html`<content-notice variant=${variant}><p>Text</p></content-notice>`);
        expect(shadow(el, '[part="heading"]')!.textContent!.trim(), variant).to.equal(heading);
        expect(shadow(el, '[part="notice"]')!.getAttribute('role'), variant).to.equal(role);
        expect(el.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
      }
    });

    it('is a disclaimer when no variant is given, and hides an empty resources area', async () => {
      const el = await fixture<ContentNoticeElement>(html`<content-notice><p>Just to clarify.</p></content-notice>`);
      expect(el.variant).to.equal('disclaimer');
      expect(shadow(el, '[part="notice"]')!.getAttribute('role')).to.equal('note');
      expect(shadow(el, '[part="resources"]')!.hidden).to.equal(true);
    });
  });

  describe('is accessible', () => {
    it('in every variant', async () => {
      for (const variant of ['distinction', 'disclaimer', 'warning']) {
        const el = await fixture<ContentNoticeElement>(html`<content-notice variant=${variant}>
          <p>Body text.</p>
          <ul slot="resources"><li><a href="https://findahelpline.com">Find a helpline</a></li></ul>
        </content-notice>`);
        await expect(el).to.be.accessible();
      }
    });

    it('gated, revealed, dismissible and dismissed', async () => {
      const el = await fixture<ContentNoticeElement>(gated());
      await expect(el).to.be.accessible();
      el.reveal();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      el.dismissible = true;
      await el.updateComplete;
      await expect(el).to.be.accessible();
      el.dismiss();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });
  });

  describe('attributes and properties', () => {
    it('reads its attributes and reflects its state', async () => {
      const el = await fixture<ContentNoticeElement>(html`<content-notice
        variant="warning"
        gate
        dismissible
        remember="session"
        reveal-label="Read it"
        hide-label="Fold it"
        dismiss-label="Less"
        restore-label="More"
        ><p>Text</p></content-notice
      >`);
      expect([el.variant, el.gate, el.dismissible, el.remember]).to.deep.equal(['warning', true, true, 'session']);
      expect([el.revealLabel, el.hideLabel, el.dismissLabel, el.restoreLabel]).to.deep.equal(['Read it', 'Fold it', 'Less', 'More']);
      expect(revealButton(el).textContent!.trim()).to.equal('Read it');
      expect(dismissButton(el).textContent!.trim()).to.equal('Less');

      el.revealed = true;
      el.dismissed = true;
      el.variant = 'distinction';
      await el.updateComplete;
      expect(el.hasAttribute('revealed')).to.equal(true);
      expect(el.hasAttribute('dismissed')).to.equal(true);
      expect(el.getAttribute('variant')).to.equal('distinction');
      expect(dismissButton(el).textContent!.trim()).to.equal('More');

      el.removeAttribute('gate');
      await el.updateComplete;
      expect(el.gate).to.equal(false);
    });
  });

  describe('gate', () => {
    it('hides the content from sight, Tab and screen readers until revealed, and hides it again', async () => {
      const el = await fixture<ContentNoticeElement>(gated());
      const text = el.querySelector('#gated-text')!;
      const content = shadow(el, '[part="content"]')!;
      expect(isRendered(text)).to.equal(false);
      expect(content.hidden).to.equal(true);
      expect(revealButton(el).getAttribute('aria-expanded')).to.equal('false');
      expect(revealButton(el).getAttribute('aria-controls')).to.equal(content.id);
      expect(revealButton(el).textContent!.trim()).to.equal('Show this part');

      expect(el.reveal()).to.equal(true);
      await el.updateComplete;
      expect(isRendered(text)).to.equal(true);
      expect(revealButton(el).getAttribute('aria-expanded')).to.equal('true');
      expect(revealButton(el).textContent!.trim()).to.equal('Hide this part');

      el.hide();
      await el.updateComplete;
      expect(isRendered(text)).to.equal(false);
      expect(el.revealed).to.equal(false);
    });

    it('holds under hostile theme CSS', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div class="entry-content">
        <style>
          .entry-content > *, .entry-content * { display: block !important; visibility: visible !important; }
          .entry-content [hidden] { display: block !important; }
          content-notice p, content-notice a { display: block !important; opacity: 1 !important; }
        </style>
        ${gated()}
        <button id="after">After</button>
      </div>`);
      const el = wrapper.querySelector('content-notice')!;
      await el.updateComplete;
      expect(isRendered(el.querySelector('#gated-text')!)).to.equal(false);
      expect(isRendered(el.querySelector('#gated-link')!)).to.equal(false);

      revealButton(el).focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement!.id, 'Tab skips the hidden link').to.equal('after');

      revealButton(el).click();
      await el.updateComplete;
      expect(isRendered(el.querySelector('#gated-text')!)).to.equal(true);
    });

    it('is ignored, with a warning, on variants other than warning', async () => {
      let el!: ContentNoticeElement;
      const warnings = await captureWarnings(async () => {
        el = await fixture<ContentNoticeElement>(html`<content-notice variant="distinction" gate><p id="t">Text</p></content-notice>`);
      });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^<content-notice>: gate needs variant="warning"/);
      expect(isRendered(el.querySelector('#t')!)).to.equal(true);
      expect(shadow(el, '[part="reveal-button"]')).to.equal(null);
    });
  });

  describe('events', () => {
    it('content-notice-reveal is cancelable, bubbles out of shadow roots and carries only the id', async () => {
      const el = await fixture<ContentNoticeElement>(gated());
      const cancel = (event: Event) => event.preventDefault();
      el.addEventListener('content-notice-reveal', cancel, { once: true });
      setTimeout(() => revealButton(el).click());
      const event = await oneEvent(document, 'content-notice-reveal');
      expect(event.detail).to.deep.equal({ id: 'boundaries' });
      expect(event.composed && event.bubbles && event.cancelable).to.equal(true);
      await el.updateComplete;
      expect(el.revealed, 'cancelled').to.equal(false);
      expect(isRendered(el.querySelector('#gated-text')!)).to.equal(false);

      setTimeout(() => revealButton(el).click());
      await oneEvent(el, 'content-notice-reveal');
      await el.updateComplete;
      expect(el.revealed).to.equal(true);
    });

    it('content-notice-hide and content-notice-dismiss follow the reader', async () => {
      const el = await fixture<ContentNoticeElement>(gated());
      el.dismissible = true;
      el.reveal();
      await el.updateComplete;

      setTimeout(() => revealButton(el).click());
      const hide = await oneEvent(el, 'content-notice-hide');
      expect(hide.detail).to.deep.equal({ id: 'boundaries' });

      setTimeout(() => dismissButton(el).click());
      const dismiss = await oneEvent(el, 'content-notice-dismiss');
      expect(dismiss.detail).to.deep.equal({ id: 'boundaries' });
      await el.updateComplete;
      expect(shadow(el, '[part="body"]')!.hidden).to.equal(true);
      expect(dismissButton(el).getAttribute('aria-expanded')).to.equal('false');

      dismissButton(el).click();
      await el.updateComplete;
      expect(el.dismissed).to.equal(false);
      expect(shadow(el, '[part="body"]')!.hidden).to.equal(false);
    });

    it('does not fire again for a state that is already in force', async () => {
      const el = await fixture<ContentNoticeElement>(gated());
      let count = 0;
      el.addEventListener('content-notice-hide', () => count++);
      el.addEventListener('content-notice-dismiss', () => count++);
      el.hide();
      el.dismissible = true;
      el.dismiss();
      el.dismiss();
      expect(count).to.equal(1);
    });
  });

  describe('keyboard', () => {
    it('Tab reaches the reveal button; Enter and Space toggle it; focus stays on the button', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div><button id="before">Before</button>${gated()}</div>`);
      const el = wrapper.querySelector('content-notice')!;
      await el.updateComplete;
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();

      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(revealButton(el));
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.revealed).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(revealButton(el));

      await sendKeys({ press: 'Tab' });
      expect(document.activeElement!.id, 'the revealed link is reachable').to.equal('gated-link');
      await sendKeys({ press: 'Shift+Tab' });
      await sendKeys({ press: 'Space' });
      await el.updateComplete;
      expect(el.revealed).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(revealButton(el));
    });
  });

  describe('quick exit', () => {
    const exiting = (lang = 'en', attributes = '') =>
      fixture<HTMLDivElement>(html`<div lang=${lang}>
        <button id="before">Before</button>
        <content-notice variant="warning" gate dismissible exit-href=${weather}>
          <p slot="heading">This part talks about boundaries being crossed</p>
          <p>The content.</p>
        </content-notice>
      </div>`).then(async (wrapper) => {
        const el = wrapper.querySelector('content-notice')!;
        for (const [name, value] of new URLSearchParams(attributes)) el.setAttribute(name, value);
        await el.updateComplete;
        return el;
      });

    it('renders a real "Exit this page" button on its own line above the heading, first in the notice\'s Tab order', async () => {
      const el = await exiting();
      const button = exitButton(el) as HTMLButtonElement;
      expect(button.localName).to.equal('button');
      expect(button.type).to.equal('button');
      expect(button.textContent!.trim()).to.equal('Exit this page');
      expect(button.parentElement!.getAttribute('part'), 'first in the notice').to.equal('notice');
      expect(button.parentElement!.firstElementChild).to.equal(button);
      expect(button.nextElementSibling!.className).to.equal('head');
      const [own, heading] = [button, shadow(el, '#heading')!].map((node) => node.getBoundingClientRect());
      expect(own.bottom, 'a line of its own, above the heading').to.be.at.most(heading.top);
      expect(isRendered(button)).to.equal(true);
      document.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement, 'the first stop in the notice').to.equal(button);
      expect(getComputedStyle(button).outlineStyle, 'a visible focus ring').to.equal('solid');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(dismissButton(el));
    });

    it('keeps a visible frame and focus ring in forced colours, and no motion', async () => {
      const el = await exiting();
      const button = exitButton(el)!;
      await emulateMedia({ forcedColors: 'active', reducedMotion: 'reduce' });
      try {
        document.querySelector<HTMLButtonElement>('#before')!.focus();
        await sendKeys({ press: 'Tab' });
        const style = getComputedStyle(button);
        const highlight = document.body.appendChild(Object.assign(document.createElement('i'), { className: 'probe' }));
        highlight.style.color = 'Highlight';
        const system = getComputedStyle(highlight).color;
        highlight.remove();
        expect([style.borderTopStyle, parseFloat(style.borderTopWidth) > 0], 'a frame').to.deep.equal(['solid', true]);
        expect([style.outlineStyle, style.outlineColor], 'the focus ring, in the system highlight colour').to.deep.equal(['solid', system]);
        expect(style.transitionDuration === '0s' && style.animationName === 'none', 'nothing moves').to.equal(true);
      } finally {
        await emulateMedia({ forcedColors: 'none', reducedMotion: 'no-preference' });
      }
    });

    it('is accessible with the button, gated, revealed and collapsed', async () => {
      const el = await exiting();
      await expect(el).to.be.accessible();
      el.reveal();
      await el.updateComplete;
      await expect(el).to.be.accessible();
      el.dismiss();
      await el.updateComplete;
      expect(isRendered(exitButton(el)!), 'a collapsed notice keeps its exit').to.equal(true);
      await expect(el).to.be.accessible();
    });

    it('the button exits: blank page, content-notice-exit on document, then exit-href replaces the page', async () => {
      const el = await exiting();
      const heard: string[] = [];
      const listener = (event: Event) => heard.push(`${event.type} ${event.target === document} ${getComputedStyle(document.body).display} ${went.length}`);
      document.addEventListener('content-notice-exit', listener);
      try {
        exitButton(el)!.click();
        await waitUntil(() => went.length > 0, 'the exit');
      } finally {
        document.removeEventListener('content-notice-exit', listener);
      }
      expect(heard).to.deep.equal(['content-notice-exit true none 0']);
      expect(went).to.deep.equal([weather]);
      expect(document.title).to.equal('Loading.');
      expect(document.documentElement.lastElementChild!.getAttribute('role')).to.equal('status');
      expect(document.documentElement.lastElementChild!.textContent).to.equal('Loading.');
      restored();
      expect(isRendered(el), 'usable again once restored').to.equal(true);
      expect(document.querySelector('[role="status"]')).to.equal(null);
    });

    it('exit-label and exiting-label are the site owner\'s words; a relative exit-href goes to this site', async () => {
      const el = await exiting('en', 'exit-label=Leave now&exiting-label=One moment.&exit-href=/weather');
      expect(el.exitHref).to.equal('/weather');
      expect(exitButton(el)!.textContent!.trim()).to.equal('Leave now');
      await el.exit();
      expect(document.title).to.equal('One moment.');
      expect(went).to.deep.equal([new URL('/weather', location.href).href]);
    });

    it('speaks the nearest language', async () => {
      for (const [lang, label, status] of [
        ['de', 'Diese Seite verlassen', 'Wird geladen.'],
        ['nl', 'Deze pagina verlaten', 'Bezig met laden.'],
        ['fr', 'Quitter cette page', 'Chargement.'],
        ['es', 'Salir de esta página', 'Cargando.'],
      ]) {
        const el = await exiting(lang);
        expect(exitButton(el)!.textContent!.trim(), lang).to.equal(label);
        await el.exit();
        expect(document.title, lang).to.equal(status);
        restored();
        el.remove();
      }
    });

    it('Shift three times on the real keyboard exits, from anywhere on the page; Shift+A three times does not', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <textarea id="typing"></textarea>
        <content-notice exit-href=${weather}><p>Note</p></content-notice>
      </div>`);
      const typing = wrapper.querySelector('textarea')!;
      typing.focus();
      for (let i = 0; i < 3; i++) await sendKeys({ press: 'Shift+A' });
      expect(typing.value).to.equal('AAA');
      expect(went).to.deep.equal([]);
      await shiftThrice();
      expect(went).to.deep.equal([weather]);
      expect(getComputedStyle(document.body).display).to.equal('none');
    });

    it('the first notice on the page answers the keyboard; none does once they are gone', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <content-notice exit-href="https://first.example/"><p>One</p></content-notice>
        <content-notice exit-href="https://second.example/"><p>Two</p></content-notice>
      </div>`);
      const [first, second] = wrapper.querySelectorAll('content-notice');
      await Promise.all([first.updateComplete, second.updateComplete]);
      await shiftThrice();
      expect(went).to.deep.equal(['https://first.example/']);
      restored();
      first.remove();
      await shiftThrice();
      expect(went).to.deep.equal(['https://first.example/', 'https://second.example/']);
      restored();
      wrapper.append(first);
      await shiftThrice();
      expect(went.at(-1), 'connected again, it comes last').to.equal('https://second.example/');
      restored();
      second.remove();
      await shiftThrice();
      expect(went.at(-1), 'and answers once it is the first').to.equal('https://first.example/');
      restored();
      wrapper.remove();
      await shiftThrice();
      expect(went).to.have.length(4);
    });

    it('follows exit-href as it changes', async () => {
      const el = await fixture<ContentNoticeElement>(html`<content-notice><p>Note</p></content-notice>`);
      expect(exitButton(el)).to.equal(null);
      await shiftThrice();
      expect(went).to.deep.equal([]);
      el.exitHref = weather;
      await el.updateComplete;
      expect(el.getAttribute('exit-href'), 'a URL is not reflected').to.equal(null);
      expect(exitButton(el)).not.to.equal(null);
      await shiftThrice();
      expect(went).to.deep.equal([weather]);
      restored();
      el.removeAttribute('exit-href');
      el.exitHref = undefined;
      await el.updateComplete;
      expect(exitButton(el)).to.equal(null);
      await el.exit();
      await shiftThrice();
      expect(went).to.have.length(1);
    });
  });

  describe('remember', () => {
    it('remembers a reveal for the session, per id and text', async () => {
      const first = await fixture<ContentNoticeElement>(html`<content-notice variant="warning" gate remember="session" id="n1"><p>Same text</p></content-notice>`);
      first.reveal();
      const again = await fixture<ContentNoticeElement>(html`<content-notice variant="warning" gate remember="session" id="n1"><p>Same text</p></content-notice>`);
      expect(again.revealed).to.equal(true);
      expect(isRendered(again.querySelector('p')!)).to.equal(true);

      const changed = await fixture<ContentNoticeElement>(html`<content-notice variant="warning" gate remember="session" id="n1"><p>New wording</p></content-notice>`);
      expect(changed.revealed, 'a changed notice shows again').to.equal(false);
      const other = await fixture<ContentNoticeElement>(html`<content-notice variant="warning" gate remember="session" id="n2"><p>Same text</p></content-notice>`);
      expect(other.revealed).to.equal(false);

      again.hide();
      const afterHide = await fixture<ContentNoticeElement>(html`<content-notice variant="warning" gate remember="session" id="n1"><p>Same text</p></content-notice>`);
      expect(afterHide.revealed).to.equal(false);
    });

    it('remembers a dismissal on this device with remember="local"', async () => {
      const first = await fixture<ContentNoticeElement>(html`<content-notice dismissible remember="local" id="n3"><p>Note</p></content-notice>`);
      first.dismiss();
      expect(sessionStorage.length).to.equal(0);
      const again = await fixture<ContentNoticeElement>(html`<content-notice dismissible remember="local" id="n3"><p>Note</p></content-notice>`);
      expect(again.dismissed).to.equal(true);
      expect(shadow(again, '[part="body"]')!.hidden).to.equal(true);
    });

    it('remembers nothing by default', async () => {
      const first = await fixture<ContentNoticeElement>(gated());
      first.reveal();
      expect(sessionStorage.length + localStorage.length).to.equal(0);
    });
  });

  describe('localisation', () => {
    it('speaks the nearest lang, falls back to English, and lets attributes override', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="de-AT">
        <content-notice variant="warning" gate dismissible><p>Text</p></content-notice>
        <content-notice lang="fr" variant="distinction"><p>Texte</p></content-notice>
        <content-notice lang="pt" variant="warning" gate><p>Texto</p></content-notice>
        <content-notice variant="warning" gate reveal-label="Lesen"><p>Text</p></content-notice>
      </div>`);
      const [de, fr, pt, custom] = [...wrapper.querySelectorAll('content-notice')];
      await Promise.all([de, fr, pt, custom].map((el) => el.updateComplete));
      expect(shadow(de, '[part="heading"]')!.textContent!.trim()).to.equal('Inhaltshinweis');
      expect(revealButton(de).textContent!.trim()).to.equal('Diesen Teil anzeigen');
      expect(dismissButton(de).textContent!.trim()).to.equal('Hinweis einklappen');
      expect(shadow(fr, '[part="heading"]')!.textContent!.trim()).to.equal('Une distinction importante');
      expect(revealButton(pt).textContent!.trim()).to.equal('Show this part');
      expect(revealButton(custom).textContent!.trim()).to.equal('Lesen');
    });

    it('has every string in all five languages', async () => {
      const headings = new Set<string>();
      for (const lang of ['en', 'de', 'nl', 'fr', 'es']) {
        const el = await fixture<ContentNoticeElement>(html`<content-notice lang=${lang} variant="warning" gate dismissible><p>x</p></content-notice>`);
        headings.add(`${shadow(el, '[part="heading"]')!.textContent!.trim()}|${revealButton(el).textContent!.trim()}|${dismissButton(el).textContent!.trim()}`);
      }
      expect(headings.size).to.equal(5);
    });
  });

  describe('bad input', () => {
    it('an unknown variant warns and renders as a disclaimer', async () => {
      let el!: ContentNoticeElement;
      const warnings = await captureWarnings(async () => {
        el = await fixture<ContentNoticeElement>(html`<content-notice variant="alert"><p>Text</p></content-notice>`);
      });
      expect(warnings).to.deep.equal(['<content-notice>: variant="alert" is unknown; use distinction, disclaimer, warning. Showing a disclaimer.']);
      expect(shadow(el, '[part="notice"]')!.getAttribute('role')).to.equal('note');
      expect(shadow(el, '[part="heading"]')!.textContent!.trim()).to.equal('Important note');
    });

    it('an unknown remember value warns and remembers nothing', async () => {
      let el!: ContentNoticeElement;
      const warnings = await captureWarnings(async () => {
        el = await fixture<ContentNoticeElement>(html`<content-notice variant="warning" gate remember="forever"><p>Text</p></content-notice>`);
      });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^<content-notice>: remember="forever" is unknown/);
      el.reveal();
      expect(sessionStorage.length + localStorage.length).to.equal(0);
    });

    it('remember with blocked storage warns and the notice still works', async () => {
      const restore = blockStorage('localStorage');
      try {
        let el!: ContentNoticeElement;
        const warnings = await captureWarnings(async () => {
          el = await fixture<ContentNoticeElement>(html`<content-notice variant="warning" gate remember="local" id="b"><p>Text</p></content-notice>`);
        });
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.match(/^<content-notice>: remember="local": storage is blocked/);
        revealButton(el).click();
        await el.updateComplete;
        expect(isRendered(el.querySelector('p')!)).to.equal(true);
      } finally {
        restore();
      }
    });

    it('a storage that starts refusing writes warns once it fails', async () => {
      const el = await fixture<ContentNoticeElement>(html`<content-notice variant="warning" gate remember="session" id="full"><p>Text</p></content-notice>`);
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = () => {
        throw new DOMException('full', 'QuotaExceededError');
      };
      try {
        const warnings = await captureWarnings(() => el.reveal());
        expect(warnings).to.deep.equal(['<content-notice>: could not save to storage; it will not be remembered.']);
        expect(el.revealed).to.equal(true);
      } finally {
        Storage.prototype.setItem = original;
      }
    });

    it('an exit-href that is not http(s) warns once and gives no button and no keyboard exit', async () => {
      for (const bad of ['javascript:alert(1)', 'data:text/html,<p>hi', 'ftp://example.org/', '']) {
        let el!: ContentNoticeElement;
        const warnings = await captureWarnings(async () => {
          el = await fixture<ContentNoticeElement>(html`<content-notice exit-href=${bad}><p>Text</p></content-notice>`);
        });
        expect(warnings, bad).to.deep.equal([`<content-notice>: exit-href="${bad}" is not an http(s) URL; no quick exit.`]);
        expect(exitButton(el), bad).to.equal(null);
        expect(isRendered(el.querySelector('p')!)).to.equal(true);
        await shiftThrice();
        await el.exit();
        expect(went, bad).to.deep.equal([]);
        expect(getComputedStyle(document.body).display).to.equal('block');
      }
    });

    it('an empty notice (what WordPress autop leaves) warns and shows nothing, until content arrives', async () => {
      let el!: ContentNoticeElement;
      const warnings = await captureWarnings(async () => {
        el = await fixture<ContentNoticeElement>(html`<content-notice variant="distinction">  </content-notice>`);
      });
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^<content-notice>: is empty.*Custom HTML block/);
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(shadow(el, '[part="notice"]')).to.equal(null);

      const p = document.createElement('p');
      p.textContent = 'Arrived later';
      el.append(p);
      await aTimeout(0);
      await el.updateComplete;
      expect(shadow(el, '[part="notice"]')).not.to.equal(null);
      expect(isRendered(p)).to.equal(true);
    });
  });

  describe('before definition and registration', () => {
    it('shows its content before it is defined, and upgrades under another name', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div>
        <gentle-late-notice variant="warning" gate><p id="late">Readable before the script runs.</p></gentle-late-notice>
      </div>`);
      const late = wrapper.querySelector('gentle-late-notice')!;
      expect(late.shadowRoot).to.equal(null);
      expect(isRendered(wrapper.querySelector('#late')!)).to.equal(true);

      ContentNoticeElement.define('gentle-late-notice');
      expect(customElements.get('gentle-late-notice')!.prototype).to.be.instanceOf(ContentNoticeElement);
      await (late as ContentNoticeElement).updateComplete;
      expect(late.shadowRoot).not.to.equal(null);
      expect(isRendered(wrapper.querySelector('#late')!), 'now gated').to.equal(false);
    });

    it('a second define() throws nothing and warns only about another copy', async () => {
      expect(customElements.get('content-notice')).to.equal(ContentNoticeElement);
      const same = await captureWarnings(() => {
        ContentNoticeElement.define();
        ContentNoticeElement.define('gentle-late-notice');
      });
      expect(same).to.deep.equal([]);

      class OtherCopy extends GentleElement {}
      const other = await captureWarnings(() => OtherCopy.define('content-notice'));
      expect(other).to.have.length(1);
      expect(other[0]).to.match(/^<content-notice>: another copy of gentle-widgets defined it first/);
      expect(customElements.get('content-notice')).to.equal(ContentNoticeElement);
    });
  });
});
