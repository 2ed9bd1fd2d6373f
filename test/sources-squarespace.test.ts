import { expect } from '@open-wc/testing';
import { parse } from '../src/related-stories/sources/index.js';
import { at, feed, thrown } from './sources-fixtures.js';

// A Squarespace site answers ?format=json at a URL of its own, which is not the site's baseUrl.
const base = 'https://example.org/words?format=json';

// Expected values: test/fixtures/feeds/README.md; the collection list is constructed (test/fixtures/README.md).
describe('sources: Squarespace', () => {
  it('squarespace-blog-item-format-json-empty-excerpt: the item and its older neighbour, URLs on website.baseUrl', async () => {
    const { format, stories } = await feed('feeds/squarespace-blog-item-format-json-empty-excerpt.json', base);
    expect(format).to.equal('squarespace');
    expect(stories).to.have.length(2);
    expect(stories[0]).to.include({
      title: 'Demystifying Ruby DSLs — Part 2',
      url: 'http://blog.swilliams.me/words/2014/2/21/demystifying-ruby-dsls-part-2',
      date: at('2014-02-21T19:34:05.936Z'),
      // A folder-style assetUrl is no thumbnail.
      image: undefined,
    });
    // The excerpt is empty: the body gives it, and a reading time.
    expect(stories[0].excerpt).to.have.length.above(0);
    expect(stories[0].excerpt).not.to.contain('<');
    expect(stories[0].minutes).to.be.at.least(1);
    expect(stories[1]).to.include({
      title: 'Demystifying Ruby DSLs',
      url: 'http://blog.swilliams.me/words/2014/1/26/demystifying-ruby-dsls',
      date: at('2014-01-26T22:42:20.205Z'),
      image: undefined,
      // body is null
      minutes: undefined,
    });
  });

  it('squarespace-blog-item-format-json-promoted-image: newer neighbour, item, older neighbour; no avatar image', async () => {
    const { stories } = await feed('feeds/squarespace-blog-item-format-json-promoted-image.json', base);
    expect(stories.map((s) => [s.title, s.url, s.date, s.image])).to.deep.equal([
      ['Forcing Creativity', 'http://blog.swilliams.me/words/forcing-creativity', at('2006-08-18T14:24:17Z'), undefined],
      ['Night Factory', 'http://blog.swilliams.me/words/night-factory', at('2006-08-14T20:14:40Z'), undefined],
      ["Who's the big winner?", 'http://blog.swilliams.me/words/whos-the-big-winner', at('2006-08-11T11:58:54Z'), undefined],
    ]);
  });

  it('squarespace-collection-list (constructed): items[] with image and folder-style assetUrls', async () => {
    const { format, stories } = await feed('squarespace-collection-list.json', 'https://www.quiet-hours.test/journal?format=json');
    expect(format).to.equal('squarespace');
    expect(stories).to.have.length(3);
    expect(stories[0]).to.include({
      title: 'After a Hard Session: Looking After Yourself',
      url: 'https://www.quiet-hours.test/journal/2023/11/2/after-a-hard-session',
      excerpt: 'Some sessions leave you wrung out — here are five gentle ways to come back to yourself.',
      date: at('2023-11-02T08:00:00Z'),
      image: 'https://images.squarespace-cdn.com/content/v1/5f3c2a1be4b0d9a1c2b3d4e5/1698913300000-ABCDEFGHIJ/window-light.jpg',
      minutes: 1,
    });
    expect(stories[1]).to.include({
      title: 'What to Say in a First Session (and What You Don’t Have To)',
      excerpt: 'You do not need a prepared speech. Many people start with the last week, or with the thing that made them book.',
      date: at('2023-10-20T07:50:00Z'),
      image: undefined,
    });
    expect(stories[2]).to.include({ title: 'Rest & Recovery for Carers', date: at('2023-10-06T10:00:00Z'), minutes: undefined });
    expect((await feed('squarespace-collection-list.json', base, 'squarespace', 2)).stories).to.have.length(2);
  });

  it('without website.baseUrl, resolves against the feed URL', () => {
    const body = JSON.stringify({ items: [{ title: 'A', fullUrl: '/blog/a', publishOn: 0 }] });
    expect(parse(body, 'squarespace', 'https://site.test/blog?format=json', 3).stories[0].url).to.equal('https://site.test/blog/a');
  });

  it('refuses JSON with neither items nor item', () => {
    expect(thrown(() => parse('{"website":{}}', 'squarespace', base, 3))?.message).to.equal('not squarespace');
    expect(thrown(() => parse('[]', 'squarespace', base, 3))).to.be.instanceOf(Error);
  });
});
