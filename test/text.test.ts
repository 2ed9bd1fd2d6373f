import { expect } from '@open-wc/testing';
import { parse } from '../src/related-stories/sources/index.js';
import { clamp, firstImage, minutes, parseDate, plainText } from '../src/related-stories/text.js';
import { at } from './sources-fixtures.js';

const base = 'https://blog.example/feed/';

describe('text', () => {
  describe('plainText', () => {
    it('decodes numeric and the named entities feeds use', () => {
      expect(plainText('This week&#8217;s &#x201C;Core&#X201D; &amp; more')).to.equal('This week’s “Core” & more');
      expect(plainText('a&nbsp;b &hellip; &mdash; &ndash; &lsquo;x&rsquo; &laquo;y&raquo; &copy; &quot;q&quot; &apos;')).to.equal(
        'a b … — – ‘x’ «y» © "q" \'',
      );
      expect(plainText('&lt;3 &gt; 2')).to.equal('<3 > 2');
    });

    it('leaves unknown entities and a bare ampersand as written', () => {
      expect(plainText('Jingle &unknown; AT&T & co &amp')).to.equal('Jingle &unknown; AT&T & co &amp');
    });

    it('decodes once: a double-escaped entity stays an entity', () => {
      expect(plainText('&amp;#8217; &amp;amp;')).to.equal('&#8217; &amp;');
    });

    it('drops double-escaped markup instead of showing it as a tag', () => {
      expect(plainText('&lt;p&gt;Hello &lt;em&gt;there&lt;/em&gt;&lt;/p&gt;')).to.equal('Hello there');
      expect(plainText('&lt;script&gt;alert(1)&lt;/script&gt;Safe')).to.equal('Safe');
    });

    it('drops script and style with their content, closed or not', () => {
      expect(plainText('Title <script>alert(1)</script>')).to.equal('Title');
      expect(plainText('A<style>p{color:red}</style>B')).to.equal('A B');
      expect(plainText('Safe <SCRIPT type="module">import("//evil")')).to.equal('Safe');
      expect(plainText('x<script>a</script >y')).to.equal('x y');
    });

    it('keeps no tag nor attribute of event-handler markup', () => {
      const out = plainText('<p>A gentle script. <img src=x onerror=alert(1)></p><svg onload="alert(1)"><a href="javascript:alert(1)">link</a></svg>');
      expect(out).to.equal('A gentle script. link');
      // A split tag leaves harmless letters, never a tag nor the script.
      expect(plainText('<scr<script>ipt>alert(1)</script>')).to.equal('<scr');
    });

    it('drops comments', () => {
      expect(plainText('a<!-- <b>hidden</b> -->b')).to.equal('a b');
    });

    it('keeps words apart across paragraphs but punctuation against a closing tag', () => {
      expect(plainText('<p>One.</p><p>Two</p>')).to.equal('One. Two');
      expect(plainText('See <a href="/x">the link</a>, then <em>this</em>.')).to.equal('See the link, then this.');
      expect(plainText('line<br>break')).to.equal('line break');
    });

    it('keeps a less-than sign that starts no tag', () => {
      expect(plainText('1 < 2 and 3 > 2')).to.equal('1 < 2 and 3 > 2');
    });

    it('collapses white space, and reads only strings (a hostile feed’s object is no "[object Object]")', () => {
      expect(plainText('  a\n\n\tb  ')).to.equal('a b');
      expect(plainText(undefined)).to.equal('');
      expect(plainText(null)).to.equal('');
      expect(plainText({ toString: () => 'Object text' })).to.equal('');
      expect(plainText(['<b>array</b>'])).to.equal('');
    });

    it('never throws on out-of-range code points', () => {
      expect(() => plainText('&#1114112; &#x110000; &#99999999999;')).not.to.throw();
    });
  });

  it('takes linear time on unclosed markup (a hostile feed must not hang the page)', () => {
    const n = 20000;
    for (const input of ['<a'.repeat(n), '<!--'.repeat(n), '<script' + '</script'.repeat(n), '<img '.repeat(n), '<img src'.repeat(n)]) {
      const t = performance.now();
      plainText(input);
      firstImage(input, base);
      parseDate(input);
      expect(performance.now() - t, input.slice(0, 12)).to.be.below(100);
    }
  });

  describe('clamp', () => {
    it('cuts at a word boundary with an ellipsis, never over the length', () => {
      expect(clamp('one two three', 9)).to.equal('one two…');
      expect(clamp('one two three', 13)).to.equal('one two three');
      expect(clamp('abcdefghij', 5)).to.equal('abcd…');
      for (const n of [3, 7, 10, 12]) expect(clamp('one two three four', n).length).to.be.at.most(n);
    });
  });

  describe('minutes', () => {
    it('counts 200 words of plain text a minute, rounded up, at least 1', () => {
      expect(minutes('word')).to.equal(1);
      expect(minutes(Array(200).fill('w').join(' '))).to.equal(1);
      expect(minutes(Array(201).fill('w').join(' '))).to.equal(2);
      expect(minutes('')).to.equal(undefined);
    });
  });

  describe('firstImage', () => {
    it('takes the first real image, single- or double-quoted, src or data-src, resolved', () => {
      expect(firstImage(`<p><img src='/a.jpg' align="left"></p>`, base)).to.equal('https://blog.example/a.jpg');
      expect(firstImage('<img class="lazy" data-src="b.png">', base)).to.equal('https://blog.example/feed/b.png');
      expect(firstImage('<img src="https://cdn.example/x.jpg?w=1&amp;h=2">', base)).to.equal('https://cdn.example/x.jpg?w=1&h=2');
    });

    it('skips tracking pixels, feed flare, emoji, unsafe and meaningless sources', () => {
      const decoys =
        '<img src="http://feedpress.me/980/1.gif" height="1" width="1"/>' +
        '<img src="https://medium.com/_/stat?event=post" width="1" height="1">' +
        '<img src="https://stats.3960.org/p.php?idsite=8">' +
        '<img src="http://feeds.feedburner.com/~ff/x?d=yIl2AUoC8zA" border="0">' +
        '<img src="https://s.w.org/images/core/emoji/14.0.0/72x72/1f33f.png" class="wp-smiley">' +
        '<img src="javascript:alert(1)//.png"><img src=x onerror=alert(1)>';
      expect(firstImage(decoys, base)).to.equal(undefined);
      expect(firstImage(decoys + '<img src="/real.jpg" width="640">', base)).to.equal('https://blog.example/real.jpg');
    });
  });

  describe('parseDate', () => {
    // Each value as a fixture writes it, and its instant from the fixture READMEs.
    const cases: [string, string][] = [
      ['Fri, 25 Sep 2015 14:26:40 +0000', '2015-09-25T14:26:40Z'],
      ['Mon, 09 Apr 2018 18:55:38 GMT', '2018-04-09T18:55:38Z'],
      ['Tue, 28 Nov 2017 15:40:00 -0800', '2017-11-28T23:40:00Z'],
      ['Wed, 22 Jan 2014 20:31:31 +0600', '2014-01-22T14:31:31Z'],
      ['Thu, 07 Dec 17 10:00:29 -0800', '2017-12-07T18:00:29Z'],
      ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40Z'],
      ['Wed, 17 Jan 2018 15:50:00 EST', '2018-01-17T20:50:00Z'],
      ['2007-12-14T23:15:00.000-08:00', '2007-12-15T07:15:00Z'],
      ['2015-06-01T23:49:41+02:00', '2015-06-01T21:49:41Z'],
      ['2018-04-09T19:39:12.675Z', '2018-04-09T19:39:12.675Z'],
      ['2026-10-28T07:30:00', '2026-10-28T07:30:00Z'],
      ['2026-10-28T07:30:00Z\t', '2026-10-28T07:30:00Z'],
      ['2016-02-09T14:22:00-07:00', '2016-02-09T21:22:00Z'],
    ];
    for (const [value, iso] of cases) {
      it(value, () => expect(parseDate(value)).to.equal(at(iso)));
    }

    it('reads US zone names, two-digit years and month names in five languages', () => {
      expect(parseDate('Sun, 06 Nov 1994 08:49:37 PDT')).to.equal(at('1994-11-06T15:49:37Z'));
      expect(parseDate('6 Nov 94 08:49 CST')).to.equal(at('1994-11-06T14:49:00Z'));
      expect(parseDate('Mon, 03 Mar 2014 10:00:00 MDT')).to.equal(at('2014-03-03T16:00:00Z'));
      expect(parseDate('01 Feb 49 00:00:00 UT')).to.equal(at('2049-02-01T00:00:00Z'));
      const months = ['ene', 'fév', 'mär', 'avr', 'mai', 'juin', 'juil', 'aoû', 'set', 'okt', 'nov', 'dic'];
      months.forEach((m, i) => expect(parseDate(`10 ${m} 2019 12:00:00 +0000`), m).to.equal(Date.UTC(2019, i, 10, 12)));
      expect(parseDate('mer., 10 juil. 2019 12:00:00 +0200')).to.equal(at('2019-07-10T10:00:00Z'));
      expect(parseDate('Di, 03 Dez 2019 12:00:00 +0100')).to.equal(at('2019-12-03T11:00:00Z'));
    });

    it('is undefined for what it cannot read', () => {
      for (const v of ['', 'soon', 'Fri, 25 Foo 2015 14:26:40 +0000', undefined, null]) expect(parseDate(v), String(v)).to.equal(undefined);
    });
  });

  // Payloads that must stay data, fed through the real parsers.
  describe('hostile feeds', () => {
    const rss = (item: string) => `<rss version="2.0"><channel><title>t</title>${item}</channel></rss>`;

    it('unwraps CDATA and reduces escaped and raw markup in it to words', () => {
      const { stories } = parse(
        rss(
          '<item><title><![CDATA[<b>Bold</b> &amp; <script>alert(1)</script>brave]]></title><link>https://blog.example/a</link>' +
            '<description><![CDATA[<p onclick="alert(1)">Hi &lt;em&gt;there&lt;/em&gt;]]></description></item>',
        ),
        'rss',
        base,
        5,
      );
      expect(stories[0].title).to.equal('Bold & brave');
      expect(stories[0].excerpt).to.equal('Hi there');
    });

    it('drops stories whose link is not http(s), and images that are not', () => {
      const item = (link: string, img = '') =>
        `<item><title>x</title><link>${link}</link><enclosure url="${img}" type="image/png"/></item>`;
      const { stories } = parse(
        rss(
          item('javascript:alert(1)') +
            item('java&#9;script:alert(1)') +
            item('data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;') +
            item('vbscript:msgbox') +
            item('https://blog.example/ok', 'javascript:alert(1)'),
        ),
        'rss',
        base,
        10,
      );
      expect(stories.map((s) => s.url)).to.deep.equal(['https://blog.example/ok']);
      expect(stories[0].image).to.equal(undefined);
    });

    it('keeps JSON payloads as text and drops javascript: URLs', () => {
      const feed = {
        version: 'https://jsonfeed.org/version/1.1',
        items: [
          { url: 'javascript:alert(1)', title: 'x' },
          { url: { toString: 'x' }, title: 'not a string' },
          { url: 'https://blog.example/b', title: '<img src=x onerror=alert(1)>Hi &amp;amp; bye', image: 'javascript:alert(1)', content_text: 'x' },
        ],
      };
      const { stories } = parse(JSON.stringify(feed), 'auto', base, 10);
      expect(stories).to.have.length(1);
      expect(stories[0]).to.include({ url: 'https://blog.example/b', title: 'Hi &amp; bye', image: undefined });
    });
  });
});
