import { expect } from '@open-wc/testing';
import { parse } from '../src/related-stories/sources/index.js';
import type { Story } from '../src/related-stories/story.js';
import { feed, text, thrown } from './sources-fixtures.js';

const base = 'https://example-blog.test/wp-json/wp/v2/posts?per_page=10';
const upload = 'https://example-blog.test/wp-content/uploads/';
const bySlug = (stories: Story[], slug: string) => stories.find((s) => s.url == `https://example-blog.test/${slug}/`)!;

// Expected values: test/fixtures/wordpress/README.md ("The content", "What the captures show").
describe('sources: WordPress REST', () => {
  it('posts.json: ten posts, newest first, HTML titles and excerpts reduced to text, the protected one left out', async () => {
    const { format, stories } = await feed('wordpress/posts.json', base);
    expect(format).to.equal('wordpress');
    // Ten published posts, one of them password-protected ("protected": true): no story for every reader.
    expect(stories).to.have.length(9);
    expect(stories[0].url).to.equal('https://example-blog.test/make-space-for-what-you-feel/');
    expect(stories.map((s) => s.title)).to.deep.equal([
      'Make Space for What You Feel: A Gentle Check-In',
      'Rest & Recovery: 5 Gentle Evening Rituals 🌿',
      '“Am I Too Much?” — Unlearning the Fear of Taking Up Space',
      'Why you might cry after sex (and why it’s completely normal)',
      'How to Talk to Your Partner About Starting Therapy',
      'A Journaling Exercise to Face Your Scariest Thoughts with Clarity and Ease',
      // The live <script> in post 8's title is dropped with its content.
      'Setting Boundaries Without Guilt',
      'Grief Doesn’t Follow a Timeline',
      'Mastering Stress and Overwhelm while Working',
    ]);
    const post11 = bySlug(stories, 'how-to-talk-to-your-partner-about-starting-therapy');
    expect(post11.excerpt).to.equal('A gentle script for a hard conversation.');
    // Auto excerpts end in " [&hellip;]": shown as a plain "…".
    expect(bySlug(stories, 'grief-doesnt-follow-a-timeline').excerpt).to.match(/[^ ]…$/);
    expect(stories.some((s) => s.excerpt.includes('['))).to.equal(false);
    // Without _embed there is no featured image.
    expect(stories.filter((s) => s.image)).to.have.length(0);
    expect(stories[0].minutes).to.be.at.least(1);
  });

  it('posts.json: date_gmt is UTC, the same instant as the RSS feed’s pubDate', async () => {
    const rest = (await feed('wordpress/posts.json', base)).stories;
    const rss = (await feed('wordpress/feed-rss2.xml', 'https://example-blog.test/feed/')).stories;
    for (const story of rest) {
      const item = rss.find((s) => s.url == story.url)!;
      expect(story.date, story.url).to.be.a('number');
      expect(story.date, story.url).to.equal(item.date);
    }
  });

  it('posts-embed.json: the featured image at its medium_large size, only where a post has one', async () => {
    const { stories } = await feed('wordpress/posts-embed.json', base);
    // Ten posts but the protected one (6, which has no image).
    expect(stories).to.have.length(9);
    expect(stories.map((s) => s.image)).to.deep.equal([
      upload + '2026/10/calm-lake-morning-768x403.jpg',
      upload + '2026/10/evening-tea-candle-768x403.jpg',
      undefined,
      upload + '2026/09/holding-hands-blanket-768x403.jpg',
      undefined,
      upload + '2026/08/journal-open-notebook-768x403.png',
      undefined,
      undefined,
      upload + '2026/06/stress-overwhelm-desk-768x403.jpg',
    ]);
  });

  it('posts-fields.json: _fields leaves out content (no reading time), the image still comes', async () => {
    const { stories } = await feed('wordpress/posts-fields.json', base);
    expect(stories).to.have.length(3);
    expect(stories.map((s) => s.title)).to.deep.equal([
      'Make Space for What You Feel: A Gentle Check-In',
      'Rest & Recovery: 5 Gentle Evening Rituals 🌿',
      '“Am I Too Much?” — Unlearning the Fear of Taking Up Space',
    ]);
    expect(stories.map((s) => s.image)).to.deep.equal([upload + '2026/10/calm-lake-morning-768x403.jpg', upload + '2026/10/evening-tea-candle-768x403.jpg', undefined]);
    expect(stories.every((s) => s.minutes === undefined && typeof s.date == 'number')).to.be.true;
  });

  for (const file of ['error-per-page-1000.json', 'error-post-404.json', 'error-draft-post-401.json']) {
    it(`${file}: an error object throws, however it is asked`, async () => {
      const body = await text('wordpress/' + file);
      for (const format of ['auto', 'wordpress'] as const) {
        expect(thrown(() => parse(body, format, base, 3)), format).to.be.instanceOf(Error);
      }
    });
  }

  it('falls back to the large size, then the upload, when medium_large is missing', () => {
    const media = (sizes: object) => ({ _embedded: { 'wp:featuredmedia': [{ source_url: upload + 'full.jpg', media_details: { sizes } }] } });
    const posts = [
      { link: 'https://example-blog.test/a/', ...media({ large: { source_url: upload + 'large.jpg' } }) },
      { link: 'https://example-blog.test/b/', ...media({}) },
      { link: 'https://example-blog.test/c/', _embedded: { 'wp:featuredmedia': [{ code: 'rest_forbidden', data: { status: 401 } }] } },
    ];
    expect(parse(JSON.stringify(posts), 'wordpress', base, 5).stories.map((s) => s.image)).to.deep.equal([upload + 'large.jpg', upload + 'full.jpg', undefined]);
  });

  it('stops at max', async () => {
    expect((await feed('wordpress/posts.json', base, 'wordpress', 3)).stories).to.have.length(3);
  });

  it('post.html: the page itself is no feed; its canonical URL is the REST link of post 17', async () => {
    const page = await text('wordpress/post.html', 'text/html; charset=UTF-8');
    const canonical = /<link rel="canonical" href="([^"]+)"/.exec(page)![1];
    expect(canonical).to.equal('https://example-blog.test/make-space-for-what-you-feel/');
    const { stories } = await feed('wordpress/posts.json', base);
    expect(stories[0].url).to.equal(canonical);
    for (const format of ['auto', 'rss', 'atom', 'wordpress'] as const) {
      expect(thrown(() => parse(page, format, canonical, 3)), format).to.be.instanceOf(Error);
    }
  });
});
