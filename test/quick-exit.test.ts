import { expect } from '@open-wc/testing';
import { arm, blank, leave, nav, type Exit } from '../src/content-notice/quick-exit.js';

/** A notice as the quick exit sees it, counting its exits. */
function notice(exitHref = 'https://www.bbc.co.uk/weather') {
  return { isConnected: true as boolean, exitHref, exits: 0, exit() { this.exits++; } } satisfies Exit & { exits: number };
}

let clock = 0;
/** A real KeyboardEvent from the focused element (as a reader's key would come), at `clock` ms. */
function key(type: 'keydown' | 'keyup', key: string, init: KeyboardEventInit = {}) {
  const event = new KeyboardEvent(type, { key, bubbles: true, composed: true, cancelable: true, ...init });
  // Synthetic events take their timeStamp from their creation; the page's time is driven here instead.
  Object.defineProperty(event, 'timeStamp', { value: clock });
  (document.activeElement ?? document.body).dispatchEvent(event);
}

/** Shift pressed and released alone, `gap` ms after the last key. */
function shift(gap = 300, init: KeyboardEventInit = {}) {
  clock += gap;
  key('keydown', 'Shift', { shiftKey: true, ...init });
  key('keyup', 'Shift', init);
}

/** Another key, with Shift held or not. */
function press(name: string, init: KeyboardEventInit = {}) {
  clock += 100;
  key('keydown', name, init);
  key('keyup', name, init);
}

/** Shift held while `name` is pressed (a capital letter, or Shift+Tab). */
function shiftWith(name: string) {
  clock += 300;
  key('keydown', 'Shift', { shiftKey: true });
  press(name, { shiftKey: true });
  key('keyup', 'Shift');
}

/**
 * Watches `window.addEventListener`/`removeEventListener` for capture key listeners, as the platform
 * keeps them: one per type, listener and capture, however often added.
 */
function watchListeners() {
  const { addEventListener: add, removeEventListener: remove } = window;
  const live = new Set<string>();
  const calls: string[] = [];
  const id = new Map<unknown, number>();
  const name = (type: string, listener: unknown, options?: boolean | EventListenerOptions) => {
    if (!id.has(listener)) id.set(listener, id.size);
    return `${type}#${id.get(listener)}:${typeof options === 'object' ? !!options.capture : !!options}`;
  };
  window.addEventListener = function (this: Window, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions) {
    if (type.startsWith('key')) calls.push('add ' + type), live.add(name(type, listener, options));
    return add.call(this ?? window, type, listener, options);
  } as typeof add;
  window.removeEventListener = function (this: Window, type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions) {
    if (type.startsWith('key')) calls.push('remove ' + type), live.delete(name(type, listener, options));
    return remove.call(this ?? window, type, listener, options);
  } as typeof remove;
  return {
    live: () => [...live].sort(),
    calls,
    stop() {
      window.addEventListener = add;
      window.removeEventListener = remove;
    },
  };
}

/** Undoes a blank, as a page restored from the back/forward cache would. */
const restored = () => window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));

describe('quick exit (pure module)', () => {
  const go = nav.go;
  const went: string[] = [];
  let armed: Exit[] = [];
  const armOn = (...notices: Exit[]) => {
    for (const each of notices) arm(each);
    armed.push(...notices);
  };

  before(() => {
    // Never the real location.replace: it would take the test runner's page away.
    nav.go = (href) => void went.push(href);
  });
  after(() => {
    nav.go = go;
  });
  beforeEach(() => {
    clock += 60_000;
  });
  afterEach(() => {
    for (const each of armed) {
      (each as { isConnected: boolean }).isConnected = false;
      arm(each);
    }
    armed = [];
    went.length = 0;
    restored();
  });

  describe('the Shift sequence', () => {
    it('three lone Shifts exit, once', () => {
      const one = notice();
      armOn(one);
      shift();
      shift();
      expect(one.exits, 'two are not enough').to.equal(0);
      shift();
      expect(one.exits).to.equal(1);
      shift();
      shift();
      expect(one.exits, 'the count starts again after an exit').to.equal(1);
    });

    it('Shift with a letter (capitals while typing) never counts, in either order of release', () => {
      const one = notice();
      armOn(one);
      for (let i = 0; i < 3; i++) shiftWith('A');
      expect(one.exits).to.equal(0);
      // Shift released before the letter.
      for (let i = 0; i < 3; i++) {
        clock += 300;
        key('keydown', 'Shift', { shiftKey: true });
        key('keydown', 'B', { shiftKey: true });
        key('keyup', 'Shift');
        key('keyup', 'b');
      }
      expect(one.exits).to.equal(0);
    });

    it('Ctrl, Alt or Meta with Shift never counts: pressed before it, after it, or held through three', () => {
      const one = notice();
      armOn(one);
      for (const [modifier, flag] of [['Control', 'ctrlKey'], ['Alt', 'altKey'], ['Meta', 'metaKey']] as const) {
        for (let i = 0; i < 3; i++) {
          clock += 300;
          key('keydown', modifier, { [flag]: true });
          key('keydown', 'Shift', { [flag]: true, shiftKey: true });
          key('keyup', 'Shift', { [flag]: true });
          key('keyup', modifier);
        }
        for (let i = 0; i < 3; i++) {
          clock += 300;
          key('keydown', 'Shift', { shiftKey: true });
          key('keydown', modifier, { [flag]: true, shiftKey: true });
          key('keyup', modifier, { shiftKey: true });
          key('keyup', 'Shift');
        }
        // Held down through three Shifts (switching keyboard layouts with Alt+Shift, say).
        clock += 300;
        key('keydown', modifier, { [flag]: true });
        for (let i = 0; i < 3; i++) {
          clock += 300;
          key('keydown', 'Shift', { [flag]: true, shiftKey: true });
          key('keyup', 'Shift', { [flag]: true });
        }
        key('keyup', modifier);
      }
      expect(one.exits).to.equal(0);
    });

    it('a Shift held down counts once, however long its auto-repeat runs', () => {
      const one = notice();
      armOn(one);
      for (let i = 0; i < 2; i++) {
        clock += 300;
        key('keydown', 'Shift', { shiftKey: true });
        for (let r = 0; r < 5; r++) key('keydown', 'Shift', { shiftKey: true, repeat: true });
        key('keyup', 'Shift');
      }
      expect(one.exits).to.equal(0);
      // Shift held, a letter, and Shift's auto-repeat after it: still not alone.
      clock += 300;
      key('keydown', 'Shift', { shiftKey: true });
      press('C', { shiftKey: true });
      key('keydown', 'Shift', { shiftKey: true, repeat: true });
      key('keyup', 'Shift');
      expect(one.exits).to.equal(0);
      shift();
      shift();
      expect(one.exits).to.equal(0);
      shift();
      expect(one.exits).to.equal(1);
    });

    it('any other key in between starts over', () => {
      const one = notice();
      armOn(one);
      shift();
      shift();
      press('a');
      shift();
      expect(one.exits).to.equal(0);
      shift();
      expect(one.exits).to.equal(0);
      shift();
      expect(one.exits, 'three in a row after the other key').to.equal(1);

      shift();
      shift();
      press('Tab');
      shift();
      shift();
      expect(one.exits).to.equal(1);
    });

    it('each press within 5 s of the one before, else it starts over', () => {
      const one = notice();
      armOn(one);
      shift();
      shift(4999);
      shift(4999);
      expect(one.exits, 'within 5 s each').to.equal(1);

      shift();
      shift();
      shift(5001);
      expect(one.exits, 'the third came too late').to.equal(1);
      shift(4000);
      expect(one.exits, 'it counted as the first of a new run').to.equal(1);
      shift(4000);
      expect(one.exits).to.equal(2);
    });

    it('does nothing while no notice is armed', () => {
      shift();
      shift();
      shift();
      expect(went).to.deep.equal([]);
    });
  });

  describe('arming', () => {
    it('one pair of capture listeners for the whole page, however many notices; removed when the last goes', () => {
      const listeners = watchListeners();
      try {
        const notices = [notice(), notice('/neutral'), notice('https://example.org/')];
        armOn(...notices);
        expect(listeners.live()).to.deep.equal(['keydown#0:true', 'keyup#0:true']);
        shift();
        shift();
        shift();
        expect(notices.map((each) => each.exits), 'the first armed answers, once').to.deep.equal([1, 0, 0]);

        for (const each of notices.slice(0, 2)) {
          each.isConnected = false;
          arm(each);
        }
        expect(listeners.live()).to.deep.equal(['keydown#0:true', 'keyup#0:true']);
        shift();
        shift();
        shift();
        expect(notices.map((each) => each.exits), 'now the one left').to.deep.equal([1, 0, 1]);

        notices[2].isConnected = false;
        arm(notices[2]);
        expect(listeners.live(), 'the last one gone').to.deep.equal([]);
        expect(listeners.calls.filter((call) => call.startsWith('remove'))).to.have.length.greaterThan(0);
        shift();
        shift();
        shift();
        expect(notices.map((each) => each.exits)).to.deep.equal([1, 0, 1]);
      } finally {
        listeners.stop();
      }
    });

    it('the first notice armed is the one the keyboard uses, until it goes', () => {
      const first = notice('https://first.example/');
      const second = notice('https://second.example/');
      armOn(first, second);
      arm(second); // armed again (its exit-href changed): it keeps its place
      shift();
      shift();
      shift();
      expect([first.exits, second.exits]).to.deep.equal([1, 0]);
      first.exitHref = 'javascript:alert(1)';
      expect(arm(first)).to.equal(null);
      shift();
      shift();
      shift();
      expect([first.exits, second.exits]).to.deep.equal([1, 1]);
    });

    it('arms only a notice on the page with an http(s) exit-href, and returns it resolved', () => {
      const listeners = watchListeners();
      try {
        for (const bad of ['javascript:alert(1)', 'data:text/html,hi', 'ftp://example.org/', '', '   ']) {
          const one = notice(bad);
          expect(arm(one), bad).to.equal(null);
          armed.push(one);
        }
        const away = { ...notice(), isConnected: false };
        expect(arm(away)).to.equal('https://www.bbc.co.uk/weather');
        expect(listeners.live(), 'nothing armed').to.deep.equal([]);
        const relative = notice('/weather?today');
        expect(arm(relative)).to.equal(new URL('/weather?today', location.href).href);
        armed.push(relative);
        expect(listeners.live()).to.have.length(2);
      } finally {
        listeners.stop();
      }
    });
  });

  describe('blanking the page', () => {
    it('hides the body over theme CSS, titles the page with the status text, announces it outside the body', async () => {
      const theme = document.head.appendChild(document.createElement('style'));
      theme.textContent = 'body { display: block !important; }';
      const title = document.title;
      const records: MutationRecord[] = [];
      const observer = new MutationObserver((list) => records.push(...list));
      observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
      try {
        blank('Loading.');
        records.push(...observer.takeRecords());
        const mine = records.filter((record) => record.target === document.documentElement || (record.target as Element).role === 'status');
        expect(getComputedStyle(document.body).display).to.equal('none');
        expect(document.body.style.getPropertyPriority('display')).to.equal('important');
        expect(document.body.hasAttribute('style'), 'CSSOM writes the style property').to.equal(true);
        expect(document.title).to.equal('Loading.');
        const status = document.querySelectorAll('[role]');
        expect(status).to.have.length(1);
        expect(status[0].parentElement).to.equal(document.documentElement);
        expect(document.body.contains(status[0])).to.equal(false);
        expect(status[0].getAttribute('role')).to.equal('status');
        expect(status[0].textContent).to.equal('Loading.');
        expect(document.querySelector('[role="alert"], [aria-live="assertive"]')).to.equal(null);
        // The element was added empty, then its words written: two records, in that order.
        expect(mine.map((record) => [record.target === document.documentElement ? 'html' : (record.target as Element).getAttribute?.('role'), record.addedNodes[0]?.nodeName])).to.deep.equal([
          ['html', 'DIV'],
          ['status', '#text'],
        ]);
        expect(document.documentElement.innerText.trim()).to.equal('Loading.');

        blank('Loading.');
        expect(document.querySelectorAll('[role="status"]'), 'a second exit adds nothing').to.have.length(1);
      } finally {
        observer.disconnect();
        restored();
        theme.remove();
      }
      expect(document.title).to.equal(title);
    });

    it('a pageshow from the back/forward cache undoes it; an ordinary pageshow does not', () => {
      const title = document.title;
      blank('Wird geladen.');
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
      expect(getComputedStyle(document.body).display).to.equal('none');
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      expect(getComputedStyle(document.body).display).to.equal('block');
      expect(document.body.style.getPropertyValue('display')).to.equal('');
      expect(document.title).to.equal(title);
      expect(document.querySelector('[role="status"]')).to.equal(null);
      // And the page can be blanked again.
      blank('Loading.');
      expect(getComputedStyle(document.body).display).to.equal('none');
      restored();
      expect(getComputedStyle(document.body).display).to.equal('block');
    });

    it('leave: blanks first, then fires content-notice-exit on document (bubbling, not cancelable, no detail), then goes', () => {
      const seen: string[] = [];
      const listener = (event: Event) => {
        seen.push(
          `${event.constructor.name} ${event.target === document} bubbles:${event.bubbles} cancelable:${event.cancelable} detail:${'detail' in event} ` +
            `body:${getComputedStyle(document.body).display} title:${document.title} went:${went.length}`,
        );
      };
      window.addEventListener('content-notice-exit', listener);
      try {
        leave('https://www.bbc.co.uk/weather', 'Loading.');
      } finally {
        window.removeEventListener('content-notice-exit', listener);
      }
      expect(seen).to.deep.equal(['Event true bubbles:true cancelable:false detail:false body:none title:Loading. went:0']);
      expect(went).to.deep.equal(['https://www.bbc.co.uk/weather']);
    });
  });
});
