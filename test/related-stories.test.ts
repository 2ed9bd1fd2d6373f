import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { RelatedStoriesElement } from '../src/related-stories.js';
import { blockStorage, captureWarnings, isRendered } from './helpers.js';

const cards = (el: RelatedStoriesElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="card"]')];
const titles = (el: RelatedStoriesElement) => cards(el).map((card) => card.querySelector('[part="link"]')!.textContent);
const links = (el: RelatedStoriesElement) => cards(el).map((card) => card.querySelector<HTMLAnchorElement>('[part="link"]')!.href);
const part = (el: RelatedStoriesElement, name: string) => [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part="${name}"]`)];

const FEEDS = '/test/fixtures/feeds/';
const WORDPRESS = '/test/fixtures/wordpress/';
/** Requests made for a URL so far: the browser's own record, so a test sees what really went out. */
const requests = (path: string) => performance.getEntriesByName(new URL(path, location.href).href).length;

/** The article's three stories, as a site owner writes them. */
const ARTICLE_STORIES = html`<h2 slot="heading" id="heading">Read more Stories With Ease</h2>
  <ul id="list">
    <li>
      <a href="/stories/mastering-stress">Mastering Stress and Overwhelm while Working - The power of the moments in between</a>
      <p>Maintaining a healthy work-life balance that genuinely suits me is nowadays all about “the moments in between.”</p>
    </li>
    <li>
      <a href="/stories/journaling">A Journaling Exercise to Face Your Scariest Thoughts with Clarity and Ease</a>
      <p>Today, I want to share a practice that has helped me countless times over the past year in navigating anxiety.</p>
    </li>
    <li>
      <a href="/stories/holistic-therapy">Holistic therapy</a>
      <p>Our bodies have the innate capacity to shift our state.</p>
    </li>
  </ul>`;

let unique = 0;
/** A feed URL no other test has cached: the cache is per tab, and tests share one. */
const fresh = (path: string) => `${path}?t=${Date.now()}-${unique++}`;

async function loaded(el: RelatedStoriesElement) {
  const event = await oneEvent(el, 'related-stories-load');
  await el.updateComplete;
  return event.detail;
}

async function failed(el: RelatedStoriesElement) {
  const event = await oneEvent(el, 'related-stories-error');
  await el.updateComplete;
  return event.detail;
}

afterEach(() => {
  document.querySelector('link[rel="canonical"]')?.remove();
  sessionStorage.clear();
});

describe('<related-stories>', () => {
  describe('renders from its light DOM', () => {
    it('shows the written stories as cards, with the heading slotted and the list kept for readers without JavaScript', async () => {
      const el = await fixture<RelatedStoriesElement>(html`<related-stories>${ARTICLE_STORIES}</related-stories>`);
      expect(titles(el)).to.deep.equal([
        'Mastering Stress and Overwhelm while Working - The power of the moments in between',
        'A Journaling Exercise to Face Your Scariest Thoughts with Clarity and Ease',
        'Holistic therapy',
      ]);
      expect(links(el)[0]).to.equal(new URL('/stories/mastering-stress', location.href).href);
      expect(part(el, 'excerpt')[2].textContent).to.equal('Our bodies have the innate capacity to shift our state.');
      expect(isRendered(el.querySelector('#heading')!)).to.equal(true);
      // The list is read into cards, not shown twice.
      expect(isRendered(el.querySelector('#list')!)).to.equal(false);
      expect(el.hidden).to.equal(false);
    });

    it('reads <article>s with an image, a heading and a date', async () => {
      const el = await fixture<RelatedStoriesElement>(html`<related-stories show="date image excerpt" lang="en-GB">
        <article>
          <img src="/demo/images/leaf.svg" alt="A leaf" width="40" height="40" />
          <h3><a href="/stories/rest">Rest and recovery</a></h3>
          <time datetime="2025-03-04">4 March</time>
          <p>Five gentle evening rituals.</p>
        </article>
      </related-stories>`);
      expect(titles(el)).to.deep.equal(['Rest and recovery']);
      const [image] = part(el, 'image') as HTMLImageElement[];
      expect(image.src).to.equal(new URL('/demo/images/leaf.svg', location.href).href);
      expect([image.alt, image.loading, image.decoding, image.referrerPolicy]).to.deep.equal(['', 'lazy', 'async', 'no-referrer']);
      expect(el.shadowRoot!.querySelector('time')!.dateTime).to.equal(new Date(2025, 2, 4).toISOString());
      expect(part(el, 'meta')[0].textContent).to.equal('4 Mar 2025');
      expect(part(el, 'excerpt')[0].textContent).to.equal('Five gentle evening rituals.');
    });

    it('leaves out the page the reader is on, by its canonical URL, ignoring query and trailing slash', async () => {
      const canonical = Object.assign(document.createElement('link'), { rel: 'canonical', href: '/stories/journaling/' });
      document.head.append(canonical);
      const el = await fixture<RelatedStoriesElement>(html`<related-stories>${ARTICLE_STORIES}</related-stories>`);
      expect(titles(el)).to.have.length(2);
      expect(titles(el)).not.to.include('A Journaling Exercise to Face Your Scariest Thoughts with Clarity and Ease');
    });

    it('hides itself with no stories at all, and says why', async () => {
      let el!: RelatedStoriesElement;
      const warnings = await captureWarnings(async () => {
        el = await fixture<RelatedStoriesElement>(html`<related-stories><h2 slot="heading">Read more</h2></related-stories>`);
      });
      expect(el.hidden).to.equal(true);
      expect(isRendered(el)).to.equal(false);
      expect(warnings).to.deep.equal([
        '<related-stories>: has no stories (a list of links, or src), so it is hidden. Paste it into a Code block (Squarespace) or a Custom HTML block (WordPress).',
      ]);
    });

    it('reads a date alone as that day where the reader is, and never a <time> line as the excerpt', async () => {
      const el = await fixture<RelatedStoriesElement>(html`<related-stories show="date excerpt" lang="en-GB">
        <article>
          <h3><a href="/stories/rest">Rest and recovery</a></h3>
          <p><time datetime="2026-07-14">14 July</time></p>
          <p>Five gentle evening rituals.</p>
        </article>
      </related-stories>`);
      expect(part(el, 'meta')[0].textContent).to.equal('14 Jul 2026');
      expect(part(el, 'excerpt')[0].textContent).to.equal('Five gentle evening rituals.');
    });
  });

  describe('is accessible', () => {
    it('as a grid of cards', async () => {
      const el = await fixture<RelatedStoriesElement>(html`<related-stories>${ARTICLE_STORIES}</related-stories>`);
      await expect(el).to.be.accessible();
    });

    it('as a list, with images, dates and reading times', async () => {
      const el = await fixture<RelatedStoriesElement>(
        html`<related-stories layout="list" show="date reading-time image excerpt" src=${fresh(`${FEEDS}rss2-medium-cdata-content-encoded.xml`)}
          >${ARTICLE_STORIES}</related-stories
        >`,
      );
      await loaded(el);
      expect(part(el, 'image')).to.have.length(3);
      await expect(el).to.be.accessible();
    });

    it('reaches every story with the keyboard, each card one link', async () => {
      const el = await fixture<RelatedStoriesElement>(html`<related-stories>${ARTICLE_STORIES}</related-stories>`);
      const reached: string[] = [];
      for (let i = 0; i < 3; i++) {
        await sendKeys({ press: 'Tab' });
        reached.push(el.shadowRoot!.activeElement?.textContent ?? '');
      }
      expect(reached).to.deep.equal(titles(el));
    });
  });

  describe('loads stories from src', () => {
    it('reads RSS, with the feed’s images, dates and reading times, and says so', async () => {
      const el = await fixture<RelatedStoriesElement>(
        html`<related-stories show="date reading-time image" lang="en-US" src=${fresh(`${FEEDS}rss2-medium-cdata-content-encoded.xml`)}
          >${ARTICLE_STORIES}</related-stories
        >`,
      );
      expect(await loaded(el)).to.deep.equal({ count: 3, format: 'rss' });
      // Expected values: test/fixtures/feeds/README.md.
      expect(titles(el).slice(0, 2)).to.deep.equal(['THE CREATIVE FORAGER', 'Eight Reasons You Shouldn’t Grow Your Own Food']);
      expect(links(el)[0]).to.equal('https://medium.com/invironment/the-creative-forager-125af37d838f?source=rss----d12c403d4976--food');
      expect((part(el, 'image')[0] as HTMLImageElement).src).to.equal('https://cdn-images-1.medium.com/max/938/1*C_nVpehD-NKBgtVEULabmQ.jpeg');
      expect(el.shadowRoot!.querySelector('time')!.dateTime).to.equal('2018-04-09T18:55:38.000Z');
      expect(part(el, 'meta')[0].textContent).to.match(/^Apr 9, 2018 · \d+ min read$/);
      expect(isRendered(el.querySelector('#list')!)).to.equal(false);
    });

    it('reads WordPress REST, leaving out the current post', async () => {
      const canonical = Object.assign(document.createElement('link'), {
        rel: 'canonical',
        href: 'https://example-blog.test/make-space-for-what-you-feel/?utm_source=x',
      });
      document.head.append(canonical);
      const el = await fixture<RelatedStoriesElement>(
        html`<related-stories show="excerpt" limit="2" src=${fresh(`${WORDPRESS}posts-embed.json`)}></related-stories>`,
      );
      expect(await loaded(el)).to.deep.equal({ count: 2, format: 'wordpress' });
      // Post 17 is the page we are on; 15's stored `&amp;` reads as "&" (test/fixtures/wordpress/README.md).
      expect(titles(el)).to.deep.equal(['Rest & Recovery: 5 Gentle Evening Rituals 🌿', '“Am I Too Much?” — Unlearning the Fear of Taking Up Space']);
    });

    it('reads JSON Feed, and dates in the page’s language', async () => {
      const el = await fixture<RelatedStoriesElement>(
        html`<related-stories lang="de" show="date excerpt" limit="2" src=${fresh(`${FEEDS}jsonfeed-1.1-real-images-de.json`)}></related-stories>`,
      );
      expect(await loaded(el)).to.deep.equal({ count: 2, format: 'jsonfeed' });
      expect(titles(el)).to.deep.equal(['Lecker, lecker', '„Sabine“ am Flughafen Amsterdam']);
      expect(part(el, 'meta')[0].textContent).to.equal('21.02.2020');
      expect(part(el, 'excerpt')[0].textContent).to.equal('Da ist es zwar nicht ganz billig, dafür schmeckt\'s aber auch nicht.');
    });

    it('renders untrusted titles and excerpts as text, never markup', async () => {
      const el = await fixture<RelatedStoriesElement>(
        html`<related-stories limit="20" show="excerpt image" src=${fresh(`${WORDPRESS}posts.json`)}></related-stories>`,
      );
      await loaded(el);
      // Post 8's title carries a live <script>, post 11's excerpt an <img onerror>.
      expect(titles(el)).to.include('Setting Boundaries Without Guilt');
      expect(part(el, 'excerpt').map((p) => p.textContent)).to.include('A gentle script for a hard conversation.');
      expect(el.shadowRoot!.querySelectorAll('script, [onerror]')).to.have.length(0);
      expect(cards(el).every((card) => card.querySelectorAll('*').length <= 4)).to.equal(true);
    });

    it('shows `limit` stories and clamps excerpts', async () => {
      const el = await fixture<RelatedStoriesElement>(
        html`<related-stories limit="5" excerpt-length="40" src=${fresh(`${FEEDS}jsonfeed-1.1-real-images-de.json`)}></related-stories>`,
      );
      await loaded(el);
      expect(cards(el)).to.have.length(5);
      const excerpt = part(el, 'excerpt')[0].textContent!;
      expect(excerpt.length).to.be.at.most(40);
      expect(excerpt).to.match(/…$/);
    });

    it('says the reading time in the page’s language, or the site owner’s words', async () => {
      const src = fresh(`${FEEDS}rss2-medium-cdata-content-encoded.xml`);
      const el = await fixture<RelatedStoriesElement>(html`<related-stories lang="es" show="reading-time" limit="1" src=${src}></related-stories>`);
      await loaded(el);
      expect(part(el, 'meta')[0].textContent).to.match(/^\d+ min de lectura$/);
      el.setAttribute('reading-time-label', 'Read it in {n} minutes');
      await el.updateComplete;
      expect(part(el, 'meta')[0].textContent).to.match(/^Read it in \d+ minutes$/);
    });

    it('keeps a loaded feed for the tab, and loads it again after cache-ttl', async () => {
      const src = fresh(`${FEEDS}jsonfeed-1.0-real-http-version-url.json`);
      const first = await fixture<RelatedStoriesElement>(html`<related-stories src=${src}></related-stories>`);
      await loaded(first);
      expect(requests(src)).to.equal(1);
      // From the cache: at once, with no request.
      const second = await fixture<RelatedStoriesElement>(html`<related-stories src=${src}></related-stories>`);
      expect(titles(second)[0]).to.equal('Uber Lost $4.5 Billion in 2017');
      expect(requests(src)).to.equal(1);
      const uncached = await fixture<RelatedStoriesElement>(html`<related-stories cache-ttl="0" src=${src}></related-stories>`);
      await loaded(uncached);
      expect(requests(src)).to.equal(2);
    });

    it('still loads with session storage blocked', async () => {
      const restore = blockStorage('sessionStorage');
      try {
        const el = await fixture<RelatedStoriesElement>(html`<related-stories src=${fresh(`${FEEDS}atom-blogger.xml`)}></related-stories>`);
        expect(await loaded(el)).to.deep.equal({ count: 3, format: 'atom' });
        expect(titles(el)[0]).to.equal('4FSOD Documentary: Bloopers and Stuff');
      } finally {
        restore();
      }
    });

    it('waits until it nears the viewport', async () => {
      const src = fresh(`${FEEDS}jsonfeed-1.1-spec-example.json`);
      const box = await fixture<HTMLElement>(html`<div>
        <div style="height: 5000px"></div>
        <related-stories src=${src}>${ARTICLE_STORIES}</related-stories>
      </div>`);
      const el = box.querySelector('related-stories')!;
      await aTimeout(200);
      expect(requests(src)).to.equal(0);
      const load = oneEvent(el, 'related-stories-load');
      el.scrollIntoView();
      await load;
      expect(requests(src)).to.equal(1);
      window.scrollTo(0, 0);
    });

    it('is not hidden while its feed is still to come, and hides if the feed brings nothing', async () => {
      const el = await fixture<RelatedStoriesElement>(html`<related-stories src=${fresh('/test/feeds/nothing-here.xml')}></related-stories>`);
      expect(el.hidden).to.equal(false);
      await captureWarnings(() => failed(el));
      expect(el.hidden).to.equal(true);
    });

    it('stops loading when removed from the page', async () => {
      const warnings = await captureWarnings(async () => {
        const el = await fixture<RelatedStoriesElement>(html`<related-stories timeout="0.3" src=${fresh('/test/feeds/hang')}></related-stories>`);
        let heard = false;
        el.addEventListener('related-stories-error', () => (heard = true));
        el.addEventListener('related-stories-load', () => (heard = true));
        await aTimeout(50);
        el.remove();
        await aTimeout(500);
        expect(heard).to.equal(false);
      });
      expect(warnings).to.deep.equal([]);
    });
  });

  it('warns when a feed is heavy for the stories it shows, and shows them', async () => {
    let el!: RelatedStoriesElement;
    const warnings = await captureWarnings(async () => {
      // 1.1 MB of one item, read whole (no Content-Length: a stream) and shown.
      el = await fixture<RelatedStoriesElement>(html`<related-stories src=${fresh('/test/feeds/heavy')}></related-stories>`);
      await loaded(el);
    });
    expect(titles(el)).to.deep.equal(['Heavy']);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/^<related-stories>: http:\/\/[^ ]+\/test\/feeds\/heavy\?t=[\w-]+ is 1\.1 MB; a feed of fewer items loads faster\.$/);
  });

  it('hides an image that cannot load, rather than a broken-image box', async () => {
    const el = await fixture<RelatedStoriesElement>(html`<related-stories src=${fresh('/test/feeds/missing-image')}></related-stories>`);
    await loaded(el);
    const [image] = part(el, 'image');
    if (!image.hidden) await oneEvent(image, 'error');
    expect(image.hidden).to.equal(true);
    expect(isRendered(image)).to.equal(false);
    expect(titles(el)).to.deep.equal(['Its image is gone']);
  });

  it('passes on what WordPress says was wrong, and says it hides when nothing is written', async () => {
    let el!: RelatedStoriesElement;
    const warnings = await captureWarnings(async () => {
      el = await fixture<RelatedStoriesElement>(html`<related-stories src=${fresh('/test/feeds/wordpress-400')}></related-stories>`);
      expect(await failed(el)).to.deep.equal({ reason: 'status' });
    });
    // The top-level message of test/fixtures/wordpress/error-per-page-1000.json.
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.match(/\(status: 400 Invalid parameter\(s\): per_page\); none are written in the page, so it is hidden\.$/);
    expect(el.hidden).to.equal(true);
  });

  describe('keeps the written stories when the feed fails', () => {
    const cases: [string, string, string][] = [
      ['a missing feed', '/test/feeds/nothing-here.xml', 'status'],
      ['a page that is not a feed', `${FEEDS}malformed-not-a-feed-html-document-moved.xml`, 'parse'],
      ['truncated JSON', `${FEEDS}jsonfeed-malformed-truncated.json`, 'parse'],
      ['a WordPress error', `${WORDPRESS}error-per-page-1000.json`, 'parse'],
      ['a server that never answers', '/test/feeds/hang', 'timeout'],
      ['a feed that never ends', '/test/feeds/huge', 'too-large'],
      ['a host that refuses the connection', 'http://127.0.0.1:9/feed.xml', 'network'],
    ];
    for (const [what, path, reason] of cases) {
      it(`${what}: ${reason}`, async () => {
        let el!: RelatedStoriesElement;
        const warnings = await captureWarnings(async () => {
          el = await fixture<RelatedStoriesElement>(html`<related-stories timeout="0.5" src=${fresh(path)}>${ARTICLE_STORIES}</related-stories>`);
          expect(await failed(el)).to.deep.equal({ reason });
        });
        expect(warnings).to.have.length(1);
        expect(warnings[0]).to.match(/^<related-stories>: could not use .* \(.+\); showing the stories in the page\.$/);
        expect(titles(el)).to.have.length(3);
        expect(titles(el)[0]).to.equal('Mastering Stress and Overwhelm while Working - The power of the moments in between');
      });
    }
  });

  describe('bad input', () => {
    it('refuses a src that is not http(s), and reads nothing', async () => {
      let el!: RelatedStoriesElement;
      const warnings = await captureWarnings(async () => {
        el = await fixture<RelatedStoriesElement>(html`<related-stories src="javascript:alert(1)">${ARTICLE_STORIES}</related-stories>`);
      });
      expect(warnings).to.deep.equal(['<related-stories>: src="javascript:alert(1)" is not an http(s) URL; using the stories in the page.']);
      expect(titles(el)).to.have.length(3);
    });

    it('falls back from an unknown format, layout, limit or show token, with a warning each', async () => {
      let el!: RelatedStoriesElement;
      const warnings = await captureWarnings(async () => {
        el = await fixture<RelatedStoriesElement>(
          html`<related-stories format="xml" layout="masonry" limit="-1" show="tags excerpt" src=${fresh(`${FEEDS}atom-blogger.xml`)}
            >${ARTICLE_STORIES}</related-stories
          >`,
        );
        expect(await loaded(el)).to.deep.equal({ count: 3, format: 'atom' });
      });
      expect(warnings).to.deep.equal([
        '<related-stories>: format="xml" is not auto, wordpress, squarespace, rss, atom, jsonfeed; using auto.',
        '<related-stories>: limit="-1" is not a number from 1 to 20; using 3.',
        '<related-stories>: layout="masonry" is not grid or list; using grid.',
        '<related-stories>: show="tags excerpt" is not made of date, reading-time, image, excerpt; using those it knows.',
      ]);
      expect(part(el, 'excerpt').length).to.be.greaterThan(0);
    });

    it('refuses an excerpt length, a timeout or a cache lifetime out of range, with a warning each', async () => {
      let el!: RelatedStoriesElement;
      const warnings = await captureWarnings(async () => {
        el = await fixture<RelatedStoriesElement>(
          html`<related-stories excerpt-length="0" timeout="0" cache-ttl="-1" src=${fresh(`${FEEDS}jsonfeed-1.1-real-images-de.json`)}
            >${ARTICLE_STORIES}</related-stories
          >`,
        );
        await loaded(el);
      });
      expect(warnings).to.deep.equal([
        '<related-stories>: cache-ttl="-1" is not a number from 0 up; using 600.',
        '<related-stories>: excerpt-length="0" is not a number from 1 up; using 160.',
        '<related-stories>: timeout="0" is not a number from 0.1 up; using 8.',
      ]);
      // The defaults hold: the feed loaded within 8 s, excerpts end by 160 characters.
      expect(part(el, 'excerpt').every((p) => p.textContent!.length <= 160)).to.equal(true);
    });

    it('skips written stories whose link is not http(s)', async () => {
      const el = await fixture<RelatedStoriesElement>(html`<related-stories>
        <ul>
          <li><a href="javascript:alert(1)">Bad</a></li>
          <li><a href="/stories/good">Good</a></li>
        </ul>
      </related-stories>`);
      expect(titles(el)).to.deep.equal(['Good']);
    });
  });

  it('shows its light DOM before it is defined', async () => {
    const el = await fixture(html`<related-stories-later><ul><li><a id="later" href="/stories/later">Later</a></li></ul></related-stories-later>`);
    expect(isRendered(el.querySelector('#later')!)).to.equal(true);
  });

  it('a second define() throws nothing', () => {
    expect(() => RelatedStoriesElement.define()).not.to.throw();
    expect(customElements.get('related-stories')).to.equal(RelatedStoriesElement);
  });
});
