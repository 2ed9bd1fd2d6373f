import { expect } from '@open-wc/testing';
import { parse } from '../src/related-stories/sources/index.js';
import { at, feed, text, thrown } from './sources-fixtures.js';

// Expected values: test/fixtures/feeds/README.md.
describe('sources: JSON Feed', () => {
  for (const version of ['1.0', '1.1']) {
    it(`jsonfeed-${version}-spec-example: title-less items titled by their text`, async () => {
      const { format, stories } = await feed(`feeds/jsonfeed-${version}-spec-example.json`, 'https://example.org/feed.json');
      expect(format).to.equal('jsonfeed');
      expect(stories).to.have.length(2);
      expect(stories[0]).to.include({ title: 'This is a second item.', url: 'https://example.org/second-item', date: undefined, image: undefined });
      expect(stories[1]).to.include({ title: 'Hello, world!', url: 'https://example.org/initial-post', date: undefined, image: undefined });
    });

    it(`jsonfeed-${version}-spec-example-microblog-no-title: the author avatar is no story image`, async () => {
      const { stories } = await feed(`feeds/jsonfeed-${version}-spec-example-microblog-no-title.json`, 'https://example.org/feed.json');
      expect(stories).to.have.length(1);
      expect(stories[0].title).to.match(/^Cats are neat\./);
      expect(stories[0]).to.include({ url: 'https://example.org/2347259', date: at('2016-02-09T21:22:00Z'), image: undefined });
    });
  }

  it('jsonfeed-1.1-real-images-de: summary as excerpt, image as given, never the tracking pixel', async () => {
    const { stories } = await feed('feeds/jsonfeed-1.1-real-images-de.json', 'https://journal.3960.org/feed.json');
    expect(stories).to.have.length(20);
    expect(stories[0]).to.include({
      title: 'Lecker, lecker',
      url: 'https://journal.3960.org/posts/2020-02-21-lecker-lecker/',
      date: at('2020-02-21T17:08:06Z'),
      image: 'https://cdn.3960.org/favicon-192x192.png',
      excerpt: "Da ist es zwar nicht ganz billig, dafür schmeckt's aber auch nicht.",
    });
    expect(stories[1]).to.include({
      title: '„Sabine“ am Flughafen Amsterdam',
      url: 'https://journal.3960.org/posts/2020-02-10-sabine-flughafen-amsterdam/',
      date: at('2020-02-10T17:40:04Z'),
      image: 'https://cdn.3960.org/favicon-192x192.png',
    });
    expect(stories[1].excerpt).to.match(/^METAR-Informationen sind nicht nur für die Fliegerei/);
    expect(stories.some((s) => s.image?.includes('stats.3960.org'))).to.be.false;
  });

  it('jsonfeed-1.0-real-linkblog-external-url: url, not external_url', async () => {
    const { stories } = await feed('feeds/jsonfeed-1.0-real-linkblog-external-url.json', 'https://daringfireball.net/feeds/json');
    expect(stories).to.have.length(48);
    expect(stories[0]).to.include({
      title: 'The Talk Show: ‘I Do Like Throwing a Baby’',
      url: 'https://daringfireball.net/linked/2017/06/26/the-talk-show-195',
      date: at('2017-06-27T00:54:17Z'),
      image: undefined,
    });
    expect(stories[1]).to.include({
      title: 'Virgin Mobile Partners With Apple to Go iPhone-Only With $1 Service',
      url: 'https://daringfireball.net/linked/2017/06/26/virgin-mobile-iphone-only',
      date: at('2017-06-26T23:51:11Z'),
      image: undefined,
    });
    expect(stories.every((s) => s.excerpt && s.minutes! >= 1)).to.be.true;
  });

  it('jsonfeed-1.0-real-http-version-url: an http: version URL is still JSON Feed', async () => {
    const { format, stories } = await feed('feeds/jsonfeed-1.0-real-http-version-url.json', 'https://pxlnv.com/feed/json/');
    expect(format).to.equal('jsonfeed');
    expect(stories).to.have.length(20);
    expect(stories[0]).to.include({ title: 'Uber Lost $4.5 Billion in 2017', url: 'https://pxlnv.com/linklog/uber-losses-2017/', date: at('2018-02-13T23:23:12Z'), image: undefined });
    expect(stories[1]).to.include({
      title: 'Under the Guise of Security, Facebook is Promoting Their VPN in Their iOS App',
      url: 'https://pxlnv.com/linklog/facebook-vpn-protect/',
      date: at('2018-02-13T14:05:20Z'),
    });
    expect(stories.filter((s) => s.image)).to.have.length(0);
  });

  it('jsonfeed-malformed-truncated: throws, however it is asked', async () => {
    const body = await text('feeds/jsonfeed-malformed-truncated.json');
    for (const format of ['auto', 'jsonfeed'] as const) {
      expect(thrown(() => parse(body, format, 'http://leancrew.com/all-this/feed.json', 3)), format).to.be.instanceOf(Error);
    }
  });

  it('refuses JSON that is no JSON Feed when asked for one', () => {
    expect(thrown(() => parse('{"version":"x"}', 'jsonfeed', 'https://x.test/', 3))?.message).to.equal('not jsonfeed');
    expect(thrown(() => parse('<rss><channel/></rss>', 'jsonfeed', 'https://x.test/', 3))).to.be.instanceOf(Error);
  });
});
