import { expect } from '@open-wc/testing';
import { parse } from '../src/related-stories/sources/index.js';
import { feedDocument, xml } from '../src/related-stories/sources/xml.js';
import { text, thrown } from './sources-fixtures.js';

const BASE = 'https://stories.example/feed/';

describe('sources: hostile and awkward input', () => {
  it('parses no element into the XHTML, SVG or MathML namespace, so no on* or style attribute is ever checked or run', () => {
    const doc = xml(`<rss xmlns:h="http://www.w3.org/1999/xhtml" xmlns:s='http://www.w3.org/2000/svg'><channel><item>
      <h:p style="color:red" onclick="parent.x=1">a</h:p><s:svg onload="parent.x=1"/>
      <m xmlns="&#104;ttp://www.w3.org/1998/Math/MathML" style="x"/></item></channel></rss>`);
    const all = [...doc.getElementsByTagName('*')];
    expect(all.length).to.equal(6);
    expect(all.filter((e) => e instanceof HTMLElement || e instanceof SVGElement || e instanceof MathMLElement)).to.have.length(0);
    expect(all.map((e) => e.namespaceURI).filter((ns) => ns && !ns.startsWith('x:'))).to.deep.equal([]);
  });

  it('refuses a doctype with declarations of its own (default attributes could declare a namespace, entities could explode)', () => {
    const attributes = `<!DOCTYPE rss [<!ATTLIST item xmlns CDATA #FIXED "http://www.w3.org/1999/xhtml">]><rss><channel><item/></channel></rss>`;
    const entities = `<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><item><title>&b;</title></item></channel></rss>`;
    expect(thrown(() => xml(attributes))!.message).to.equal('not a feed');
    expect(thrown(() => xml(entities))!.message).to.equal('not a feed');
  });

  it('refuses what is not an RSS, RDF or Atom document before parsing it', () => {
    expect(thrown(() => xml('<!DOCTYPE html><html><body><svg style="x"/></body></html>'))!.message).to.equal('not a feed');
    expect(thrown(() => xml('Object moved'))!.message).to.equal('not a feed');
    // A declaration, a stylesheet, a comment and a doctype may come first.
    expect(xml('<?xml version="1.0"?><?xml-stylesheet href="s.xsl"?><!-- hi --><!DOCTYPE rss><rss/>').documentElement.tagName).to.equal('rss');
  });

  it('repairs a bare "&" and HTML entities XML does not know, outside CDATA, instead of refusing the feed', () => {
    const { stories } = parse(
      `<rss><channel><item><title>Rest & Recovery&nbsp;&mdash; five rituals &amp; more</title><link>/r?a=1&b=2</link>` +
        `<description><![CDATA[<p>Kept &amp; as written</p>]]></description></item></channel></rss>`,
      'auto', BASE, 3,
    );
    expect(stories[0]).to.include({ title: 'Rest & Recovery — five rituals & more', url: 'https://stories.example/r?a=1&b=2', excerpt: 'Kept & as written' });
  });

  it('refuses a feed cut short before parsing it', () => {
    expect(thrown(() => xml('<rss><channel><item><title>Half'))!.message).to.equal('cut short');
    // A comment after the root, as caching plugins add, is no cut.
    expect(xml('<rss><channel/></rss>\n<!-- cached -->').documentElement.tagName).to.equal('rss');
  });

  it('leaves inline script and style out of an Atom xhtml content’s words', () => {
    const { stories } = parse(
      `<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>T</title><link href="/t"/>
        <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Words<script>parent.x=1</script><style>p{}</style> only</div></content></entry></feed>`,
      'auto', BASE, 3,
    );
    expect(stories[0].excerpt).to.equal('Words only');
  });

  it('reads only as many items as it needs, cutting at a real </item>, never one inside CDATA or a comment', () => {
    const items = Array.from({ length: 50 }, (_, i) => `<item><title>${i}</title><link>/s/${i}</link><description><![CDATA[<p>x</item></p>]]></description><!-- </item> --></item>`);
    const body = `<rss><channel>${items.join('')}</channel></rss>`;
    const doc = feedDocument(body, 3);
    expect(doc.querySelectorAll('item')).to.have.length(6);
    expect(parse(body, 'auto', BASE, 3).stories.map((s) => s.title)).to.deep.equal(['0', '1', '2']);
  });

  it('drops dates a Date cannot hold, and reads only strings as text', async () => {
    const { stories } = parse(
      JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', items: [{ url: '/a', title: 'A', summary: { html: '<b>x</b>' }, content_text: 'Body' }] }),
      'auto', BASE, 3,
    );
    expect(stories[0]).to.include({ title: 'A', excerpt: 'Body', date: undefined });
    const huge = parse('{"items":[{"fullUrl":"/b","title":"B","publishOn":1e400}]}', 'squarespace', BASE, 3).stories[0];
    expect(huge.date).to.equal(undefined);
    // The not-a-feed fixture is refused before any XML parse.
    const page = await text('feeds/malformed-not-a-feed-html-document-moved.xml');
    expect(thrown(() => parse(page, 'rss', BASE, 3))!.message).to.equal('not a feed');
  });
});
