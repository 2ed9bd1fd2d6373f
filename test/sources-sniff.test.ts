import { expect } from '@open-wc/testing';
import { decode, parse } from '../src/related-stories/sources/index.js';
import { bytes, text, thrown } from './sources-fixtures.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const rssOf = (n: number) =>
  '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big</title>' +
  Array.from(
    { length: n },
    (_, i) =>
      `<item><title>Story ${i} &amp; more</title><link>https://big.test/${i}</link><pubDate>Fri, 25 Sep 2015 14:26:40 +0000</pubDate>` +
      `<description><![CDATA[<p>Paragraph ${i} with <a href="/x">a link</a> and an image <img src="/i/${i}.jpg" width="600"></p>]]></description></item>`,
  ).join('') +
  '</channel></rss>';

describe('sources: decoding and sniffing', () => {
  describe('decode', () => {
    it('gets the non-UTF-8 fixtures byte for byte (sha256 from feeds/README.md)', async () => {
      const sums: Record<string, string> = {
        'rss2-windows-1251-enclosure-images.xml': 'b453220462f929cded18bc443efebd6bed456d525274566c52090eaeaf540719',
        'rss2-iso-8859-1-enclosure-and-media-duplicates.xml': 'bece8bdcd96185099ba31e6c6f14b5d6286da37f4014fc357f65c3f5ccb5e33a',
        'rss2-malformed-undeclared-latin1-portuguese-dates.xml': 'f7a6767cd1ac556a0cedf6253c27e669162254834d3c72221839a7df07e856b7',
      };
      for (const [file, sum] of Object.entries(sums)) {
        const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await bytes('feeds/' + file)));
        expect([...digest].map((b) => b.toString(16).padStart(2, '0')).join(''), file).to.equal(sum);
      }
    });

    it('reads the declared encoding of the non-UTF-8 fixtures', async () => {
      expect(await text('feeds/rss2-windows-1251-enclosure-images.xml')).to.contain('ЧОПовцы в Оренбурге избили молодого человека');
      expect(await text('feeds/rss2-iso-8859-1-enclosure-and-media-duplicates.xml')).to.contain('© Bettmann/CORBIS');
    });

    it('falls back to windows-1252 for undeclared bytes that are not UTF-8', async () => {
      const raw = await text('feeds/rss2-malformed-undeclared-latin1-portuguese-dates.xml');
      expect(raw).to.contain('Últimas Notícias');
      expect(raw).not.to.contain('\ufffd');
    });

    it('lets a byte order mark win, then the XML declaration, then the Content-Type charset', () => {
      const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<a>é</a>')]);
      expect(decode(bom, 'text/xml; charset=ISO-8859-1')).to.equal('<a>é</a>');
      const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...'<a>Ж</a>'].map((c) => c.charCodeAt(0))).buffer)]);
      expect(decode(le)).to.equal('<a>Ж</a>');
      const declared = new Uint8Array([...utf8('<?xml version="1.0" encoding="windows-1251"?><a>'), 0xc6, ...utf8('</a>')]);
      expect(decode(declared, 'application/xml; charset=utf-8')).to.contain('<a>Ж</a>');
      expect(decode(new Uint8Array([0x7b, 0x22, 0xe9, 0x22, 0x7d]), 'application/json; charset="iso-8859-1"')).to.equal('{"é"}');
    });

    it('reads UTF-8 by default and survives an unknown label', () => {
      expect(decode(utf8('{"t":"Grief Doesn’t"}'))).to.equal('{"t":"Grief Doesn’t"}');
      expect(decode(utf8('<a>ü</a>'), 'text/xml; charset=x-klingon')).to.equal('<a>ü</a>');
      expect(decode(new Uint8Array())).to.equal('');
    });
  });

  describe('parse with format="auto"', () => {
    it('headers.txt: every captured WordPress body, sniffed with the Content-Type it was served with', async () => {
      // "### body -> FILE" names a response; its Content-Type line follows.
      const headers = await text('wordpress/headers.txt');
      const served = [...headers.matchAll(/### body -> (\S+)[^]*?\nContent-Type: ([^\n]+)/g)].map(([, file, type]) => [file, type]);
      const expected: Record<string, string | undefined> = {
        'posts.json': 'wordpress',
        'posts-embed.json': 'wordpress',
        'posts-fields.json': 'wordpress',
        'error-per-page-1000.json': undefined,
        'error-post-404.json': undefined,
        'error-draft-post-401.json': undefined,
        'feed-rss2.xml': 'rss',
        'feed-atom.xml': 'atom',
        'feed-rdf.xml': 'rss',
        'feed-rss092.xml': 'rss',
        'post.html': undefined,
      };
      expect(served.map(([file]) => file)).to.have.members(Object.keys(expected));
      for (const [file, type] of served) {
        expect(type, file).to.match(/; charset=UTF-8$/);
        const body = decode(await bytes('wordpress/' + file), type);
        let format: string | undefined;
        try {
          format = parse(body, 'auto', 'https://example-blog.test/', 3, type).format;
        } catch {
          format = undefined;
        }
        expect(format, file).to.equal(expected[file]);
      }
    });

    it('goes by the body, not the Content-Type', () => {
      const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title><link href="https://x.test/a"/></entry></feed>';
      expect(parse(atom, 'auto', 'https://x.test/', 3, 'text/html; charset=UTF-8').format).to.equal('atom');
      expect(parse('  \n' + atom, 'auto', 'https://x.test/', 3, 'application/json').format).to.equal('atom');
      expect(parse('[]', 'auto', 'https://x.test/', 3, 'application/rss+xml').format).to.equal('wordpress');
    });

    it('takes the Content-Type as a hint where the body leaves it open', () => {
      const body = JSON.stringify({ items: [{ url: 'https://x.test/a', fullUrl: '/b', title: 'A' }] });
      expect(parse(body, 'auto', 'https://x.test/', 3).format).to.equal('squarespace');
      const hinted = parse(body, 'auto', 'https://x.test/', 3, 'application/feed+json');
      expect(hinted.format).to.equal('jsonfeed');
      expect(hinted.stories[0].url).to.equal('https://x.test/a');
    });

    it('refuses HTML pages, empty bodies, plain text and a format the body is not', () => {
      for (const body of ['<!DOCTYPE html><html><head><title>x</title></head><body><p>x</body></html>', '<html><body/></html>', '', 'Not found', '{"a":', 'null']) {
        expect(thrown(() => parse(body, 'auto', 'https://x.test/', 3)), JSON.stringify(body)).to.be.instanceOf(Error);
      }
      const rss = '<rss><channel><item><link>https://x.test/a</link></item></channel></rss>';
      for (const format of ['atom', 'wordpress', 'squarespace', 'jsonfeed'] as const) {
        expect(thrown(() => parse(rss, format, 'https://x.test/', 3))?.message, format).to.equal('not ' + format);
      }
      expect(thrown(() => parse('[]', 'rss', 'https://x.test/', 3))?.message).to.equal('not rss');
    });
  });

  describe('performance', () => {
    it('reads a long XML feed only as far as it needs, and the whole of it when the cut breaks it', () => {
      const atom = (n: number, extra = '') =>
        `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://x.test/"><title>t</title>` +
        Array.from({ length: n }, (_, i) => `<entry><title>${i}</title><link href="${i}"/>${i == 0 ? extra : ''}</entry>`).join('') +
        '<!-- end --></feed>';
      expect(parse(atom(50), 'auto', 'https://x.test/feed', 3).stories.map((s) => s.url)).to.deep.equal(['https://x.test/0', 'https://x.test/1', 'https://x.test/2']);
      // "</entry>" inside CDATA: the cut text does not parse, so the whole feed is read.
      const tricky = atom(50, '<summary><![CDATA[</entry></entry></entry></entry></entry></entry></entry>]]></summary>');
      expect(parse(tricky, 'auto', 'https://x.test/feed', 3).stories.map((s) => s.title)).to.deep.equal(['0', '1', '2']);
      // A broken feed stays broken.
      expect(thrown(() => parse(rssOf(50).replace('</channel>', ''), 'auto', 'https://big.test/', 3))).to.be.instanceOf(Error);
    });

    it('parses a 500-item RSS feed in a few milliseconds', () => {
      const body = rssOf(500);
      parse(body, 'auto', 'https://big.test/feed', 4);
      const times = Array.from({ length: 5 }, () => {
        const t = performance.now();
        parse(body, 'auto', 'https://big.test/feed', 4);
        return performance.now() - t;
      }).sort((a, b) => a - b);
      expect(times[2]).to.be.below(10);
    });

    it('turns only max items of a 10,000-item feed into stories', () => {
      const body = rssOf(10000);
      const t = performance.now();
      const { stories } = parse(body, 'auto', 'https://big.test/feed', 4);
      const ms = performance.now() - t;
      expect(stories.map((s) => s.title)).to.deep.equal(['Story 0 & more', 'Story 1 & more', 'Story 2 & more', 'Story 3 & more']);
      expect(stories[0]).to.include({ url: 'https://big.test/0', image: 'https://big.test/i/0.jpg' });
      expect(ms).to.be.below(50);
    });
  });
});
