import { expect } from '@open-wc/testing';
import { parse } from '../src/related-stories/sources/index.js';
import { atom } from '../src/related-stories/sources/atom.js';
import { xml } from '../src/related-stories/sources/xml.js';
import { at, feed, thrown } from './sources-fixtures.js';

// Expected values: test/fixtures/feeds/README.md and test/fixtures/wordpress/README.md.
describe('sources: Atom', () => {
  it('atom-blogger: the alternate link among six or seven, published, no video or avatar image', async () => {
    const { format, stories } = await feed('feeds/atom-blogger.xml', 'http://4fsodonline.blogspot.com/feeds/posts/default');
    expect(format).to.equal('atom');
    expect(stories).to.have.length(25);
    expect(stories[0]).to.include({
      title: '4FSOD Documentary: Bloopers and Stuff',
      url: 'http://4fsodonline.blogspot.com/2007/12/4fsod-documentary-bloopers-and-stuff.html',
      date: at('2007-12-15T07:15:00Z'),
      image: undefined,
    });
    expect(stories[1]).to.include({
      title: '4FSOD The Documentary: Deleted Scenes',
      url: 'http://4fsodonline.blogspot.com/2007/12/4fsod-documentary-deleted-scenes.html',
      date: at('2007-12-14T08:54:00Z'),
      image: undefined,
    });
    expect(stories.some((s) => /\.mp4|blogger\.com\/img/.test(s.image ?? ''))).to.be.false;
    // Escaped HTML content with iframe embeds: text only (a video-only post has none), and the
    // full text gives a reading time.
    expect(stories.some((s) => /[<>]/.test(s.excerpt))).to.be.false;
    expect(stories[0].minutes).to.be.at.least(1);
  });

  it('atom-wordpress-xml-base-linkblog: mixed text and CDATA titles, external alternate links, published over updated', async () => {
    const { stories } = await feed('feeds/atom-wordpress-xml-base-linkblog.xml', 'http://onefoottsunami.com/feed/atom/');
    // 25 entries; three have href="" and fall back to their http id.
    expect(stories).to.have.length(25);
    expect(stories[0]).to.include({
      title: 'Link: Pillow Fight Leaves 24 Concussed',
      url: 'http://www.nytimes.com/2015/09/05/us/at-west-point-annual-pillow-fight-becomes-weaponized.html?mwrsm=Email&_r=1&pagewanted=all',
      date: at('2015-09-08T14:21:41Z'),
      image: undefined,
    });
    expect(stories[1]).to.include({
      title: 'Perverse Incentives',
      url: 'http://onefoottsunami.com/2015/09/07/perverse-incentives-2/',
      date: at('2015-09-07T12:21:01Z'),
      image: undefined,
    });
    const withImages = stories.filter((s) => s.image);
    expect(withImages.length).to.be.within(1, 9);
    expect(withImages.every((s) => s.image!.startsWith('http://onefoottsunami.com/wordpress/wp-content/uploads/'))).to.be.true;
  });

  it('atom-github-relative-links-media-thumbnail: hrefs resolved against the feed URL, updated, no 30×30 avatar', async () => {
    const { stories } = await feed('feeds/atom-github-relative-links-media-thumbnail.xml', 'https://github.com/gulpjs/gulp/releases.atom');
    expect(stories).to.have.length(10);
    expect(stories[0]).to.include({
      title: 'v3.9.0',
      url: 'https://github.com/gulpjs/gulp/releases/tag/v3.9.0',
      date: at('2015-06-01T21:49:41Z'),
      image: undefined,
    });
    expect(stories[1]).to.include({
      title: 'v3.8.11',
      url: 'https://github.com/gulpjs/gulp/releases/tag/v3.8.11',
      date: at('2015-02-09T20:37:28Z'),
      image: undefined,
    });
  });

  it('atom-youtube-media-group-leading-newline: parses after the leading newline; media:group thumbnail and description', async () => {
    const { format, stories } = await feed('feeds/atom-youtube-media-group-leading-newline.xml', 'http://www.youtube.com/feeds/videos.xml?user=google');
    expect(format).to.equal('atom');
    expect(stories).to.have.length(15);
    expect(stories[0]).to.include({
      title: 'The Google app: Questions Title',
      url: 'http://www.youtube.com/watch?v=5shykyfmb28',
      date: at('2015-05-04T00:01:27Z'),
      image: 'https://i2.ytimg.com/vi/5shykyfmb28/hqdefault.jpg',
    });
    expect(stories[1]).to.include({
      title: 'Project Fi: Innovating in connectivity and communication',
      url: 'http://www.youtube.com/watch?v=xfFHnBQ6nQg',
      date: at('2015-04-23T15:29:38Z'),
      image: 'https://i1.ytimg.com/vi/xfFHnBQ6nQg/hqdefault.jpg',
    });
    expect(stories[0].excerpt).to.match(/^A question is the most powerf/);
    // No full text: no reading time.
    expect(stories[0].minutes).to.equal(undefined);
  });

  it('feed-atom.xml (WordPress): CDATA titles, post 11 summary made safe', async () => {
    const { format, stories } = await feed('wordpress/feed-atom.xml', 'https://example-blog.test/feed/atom/');
    expect(format).to.equal('atom');
    expect(stories).to.have.length(10);
    expect(stories[0]).to.include({
      title: 'Make Space for What You Feel: A Gentle Check-In',
      url: 'https://example-blog.test/make-space-for-what-you-feel/',
      date: at('2026-10-28T07:30:00Z'),
    });
    expect(stories.map((s) => s.title)).to.include.members(['Rest & Recovery: 5 Gentle Evening Rituals 🌿', 'Setting Boundaries Without Guilt alert(1)']);
    const post11 = stories.find((s) => s.url.endsWith('/how-to-talk-to-your-partner-about-starting-therapy/'))!;
    expect(post11.excerpt).to.equal('A gentle script for a hard conversation.');
    expect(post11.image).to.equal(undefined);
  });

  it('follows xml:base chains and takes a link without rel as the alternate', () => {
    const doc = xml(`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://x.test/a/">
      <entry xml:base="b/"><title type="html">&lt;b&gt;One&lt;/b&gt;</title><link rel="self" href="/self"/><link href="c"/><updated>2020-01-02T03:04:05Z</updated></entry>
      <entry><title>Two</title><link rel="alternate" href="d"/><published>2020-01-01T00:00:00+01:00</published><updated>2021-01-01T00:00:00Z</updated>
        <summary>Short</summary><content type="html">&lt;p&gt;Long &lt;img src="/i.jpg"&gt;&lt;/p&gt;</content></entry>
    </feed>`);
    const stories = atom(doc, 'https://x.test/feed.atom', 10);
    expect(stories[0]).to.include({ title: 'One', url: 'https://x.test/a/b/c', date: at('2020-01-02T03:04:05Z') });
    expect(stories[1]).to.include({ title: 'Two', url: 'https://x.test/a/d', date: at('2019-12-31T23:00:00Z'), excerpt: 'Short', image: 'https://x.test/i.jpg', minutes: 1 });
  });

  it('refuses a document that is not Atom', () => {
    expect(thrown(() => parse('<rss><channel/></rss>', 'atom', 'https://x.test/', 3))?.message).to.match(/^not atom/);
    expect(thrown(() => atom(xml('<html><body/></html>'), 'https://x.test/', 3))).to.be.instanceOf(Error);
  });
});
