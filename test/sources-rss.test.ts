import { expect } from '@open-wc/testing';
import { parse } from '../src/related-stories/sources/index.js';
import { rss } from '../src/related-stories/sources/rss.js';
import { xml } from '../src/related-stories/sources/xml.js';
import { at, feed, text, thrown } from './sources-fixtures.js';

// Expected values: test/fixtures/feeds/README.md and test/fixtures/wordpress/README.md.
describe('sources: RSS', () => {
  it('rss2-wordpress-empty-titles: an empty title becomes the start of the decoded text', async () => {
    const { format, stories } = await feed('feeds/rss2-wordpress-empty-titles.xml', 'http://www.manton.org/feed');
    expect(format).to.equal('rss');
    expect(stories).to.have.length(10);
    expect(stories[0].title).to.match(/^This week’s Core Intuition is out/);
    expect(stories[0].url).to.equal('http://www.manton.org/2015/09/3071.html');
    expect(stories[0].date).to.equal(at('2015-09-25T14:26:40Z'));
    expect(stories[1].title).to.match(/^I probably shouldn’t have started installing watchOS 2\.0/);
    expect(stories[1].url).to.equal('http://www.manton.org/2015/09/3069.html');
    expect(stories[1].date).to.equal(at('2015-09-25T00:38:25Z'));
    expect(stories.every((s) => s.title && !s.title.includes('&#'))).to.be.true;
    expect(stories.filter((s) => s.image)).to.have.length(0);
    // content:encoded is the full text.
    expect(stories.every((s) => s.minutes! >= 1)).to.be.true;
  });

  it('rss2-squarespace-feedpress: the first real image, never the 1×1 pixel', async () => {
    const { stories } = await feed('feeds/rss2-squarespace-feedpress.xml', 'http://feed.katiefloyd.com/');
    expect(stories).to.have.length(20);
    expect(stories[0]).to.include({
      title: 'Special Mac Power Users for Relay FM Members',
      url: 'http://tracking.feedpress.it/link/980/4243452',
      date: at('2016-08-25T22:20:00Z'),
      image: 'http://static1.squarespace.com/static/50c628b3e4b07b56461546c5/t/57bcc05915d5db62fcd50f32/1471987830419/?format=1000w',
    });
    expect(stories[1]).to.include({
      title: 'Mac Power Users #336: iPhone Productivity - Relay FM',
      url: 'http://tracking.feedpress.it/link/980/4224355',
      date: at('2016-08-23T21:19:22Z'),
      image: undefined,
    });
    expect(stories.some((s) => s.image?.includes('feedpress.me'))).to.be.false;
  });

  it('rss2-medium-cdata-content-encoded: CDATA titles, excerpt and image from content:encoded', async () => {
    const { stories } = await feed('feeds/rss2-medium-cdata-content-encoded.xml', 'https://medium.com/feed/invironment/tagged/food');
    expect(stories).to.have.length(7);
    expect(stories[0]).to.include({
      title: 'THE CREATIVE FORAGER',
      url: 'https://medium.com/invironment/the-creative-forager-125af37d838f?source=rss----d12c403d4976--food',
      // pubDate, not atom:updated (2018-04-09T19:39:12.675Z).
      date: at('2018-04-09T18:55:38Z'),
      image: 'https://cdn-images-1.medium.com/max/938/1*C_nVpehD-NKBgtVEULabmQ.jpeg',
    });
    expect(stories[1]).to.include({
      title: 'Eight Reasons You Shouldn’t Grow Your Own Food',
      url: 'https://medium.com/invironment/eight-reasons-you-shouldnt-grow-your-own-food-77cbb94ffe0b?source=rss----d12c403d4976--food',
      date: at('2018-03-13T16:44:15Z'),
      image: 'https://cdn-images-1.medium.com/max/720/1*xltRxddhKmHSi9kqSSXAMQ.jpeg',
    });
    expect(stories.every((s) => s.excerpt.length > 0 && !s.excerpt.includes('<') && s.minutes! >= 1)).to.be.true;
    expect(stories.some((s) => s.image?.includes('/_/stat'))).to.be.false;
  });

  it('rss2-guardian-escaped-html-media-content: the widest media:content, escaped HTML as text, feed order', async () => {
    const { stories } = await feed('feeds/rss2-guardian-escaped-html-media-content.xml', 'https://www.theguardian.com/us/rss');
    expect(stories).to.have.length(55);
    expect(stories[0]).to.include({
      title: 'Trump State of the Union address promised unity but emphasized discord',
      url: 'https://www.theguardian.com/us-news/2018/jan/31/donald-trump-state-of-the-union-address-unity-discord',
      date: at('2018-01-31T07:26:05Z'),
      image:
        'https://i.guim.co.uk/img/media/b73c8752cd4667c923dff7f1542f1fb20089e421/0_108_3000_1799/master/3000.jpg?w=460&q=55&auto=format&usm=12&fit=max&s=a606a273a90104e57b1e09bc4c0a1e11',
    });
    expect(stories[1]).to.include({
      title: 'So, how did conservatives like the State of the Union?',
      url: 'https://www.theguardian.com/us-news/2018/jan/31/so-how-did-conservatives-like-the-state-of-the-union',
      date: at('2018-01-31T15:46:36Z'),
      image:
        'https://i.guim.co.uk/img/media/8e13a758ef867875f9fe00323028451751596918/0_61_2200_1320/master/2200.jpg?w=460&q=55&auto=format&usm=12&fit=max&s=a215dbff94114679b56be38cf60f5611',
    });
    // Item 2 is newer than item 1: stories keep the feed's order.
    expect(stories[1].date).to.be.above(stories[0].date!);
    expect(stories.some((s) => /[<>]|&lt;|&amp;/.test(s.excerpt))).to.be.false;
    expect(stories[0].excerpt).to.match(/^The president’s ‘new American moment’ speech/);
  });

  it('rss2-enclosure-image-no-xml-declaration: leading blank lines, the image enclosure', async () => {
    const { stories } = await feed('feeds/rss2-enclosure-image-no-xml-declaration.xml', 'https://www.macworld.com/index.rss');
    expect(stories).to.have.length(30);
    expect(stories[0]).to.include({
      title: 'Best smart lock',
      url: 'https://www.techhive.com/article/3212828/connected-home/best-smart-lock.html#tk.rss_all',
      date: at('2017-11-28T23:40:00Z'),
      image: 'https://images.idgesg.net/images/article/2017/08/best-smart-locks-100730768-medium.jpg',
    });
    expect(stories[1]).to.include({
      title: 'iOS 11.2: Beta 5 is now available',
      url: 'https://www.macworld.com/article/3235804/ios/ios-112-features-release-date-and-how-to-install.html#tk.rss_all',
      date: at('2017-11-28T22:56:00Z'),
      image: 'https://images.idgesg.net/images/article/2017/11/ios-11-ipad-iphone-100740804-large.3x2.jpg',
    });
  });

  it('rss2-windows-1251-enclosure-images: declared windows-1251, default namespace, double-escaped text', async () => {
    // The declaration wins over a Content-Type charset that says otherwise.
    const { stories } = await feed('feeds/rss2-windows-1251-enclosure-images.xml', 'http://www.oren.ru/rss/', 'auto', 100, 'text/xml; charset=utf-8');
    expect(stories).to.have.length(10);
    expect(stories[0]).to.include({
      title: 'В Бузулуке главные стройплощадки – детсад и Ледовый дворец',
      url: 'http://www.oren.ru/news/2743422/',
      date: at('2014-01-22T14:31:31Z'),
      image: 'http://www.oren.ru/upload/iblock/be8/stroitelstvo_krany.jpg',
    });
    expect(stories[1]).to.include({
      title: 'ЧОПовцы в Оренбурге избили молодого человека',
      url: 'http://www.oren.ru/news/2743420/',
      date: at('2014-01-22T14:25:42Z'),
      image: 'http://www.oren.ru/upload/iblock/a21/draka_sinyak_3.jpg',
    });
    expect(stories[1].excerpt).to.contain('(видео)');
  });

  it('rss2-iso-8859-1-enclosure-and-media-duplicates: one item, the image once, never the video', async () => {
    const raw = await text('feeds/rss2-iso-8859-1-enclosure-and-media-duplicates.xml');
    expect(raw).to.contain('© Bettmann/CORBIS');
    const { stories } = parse(raw, 'rss', 'http://www.dailymail.co.uk/ushome/index.rss', 10);
    expect(stories).to.have.length(1);
    expect(stories[0]).to.include({
      title:
        'Could the infamous Black Dahlia case be about to be solved? Cadaver dog discovers death scent at Hollywood home of suspect 66 years after the horrific murder',
      url: 'http://www.dailymail.co.uk/news/article-2272640/Could-infamous-Black-Dahlia-case-solved-Cadaver-dog-discovers-death-scent-Hollywood-home-suspect-66-years-horrific-murder.html?ITO=1490&ns_mchannel=rss&ns_campaign=1490',
      date: at('2013-02-03T04:13:03Z'),
      image: 'http://i.mol.im/i/pix/2013/02/03/article-2272640-174FCEE2000005DC-697_154x115.jpg',
    });
  });

  it('rss2-relative-links-two-digit-years: links resolved against the feed URL, 2017 from "17"', async () => {
    const { stories } = await feed('feeds/rss2-relative-links-two-digit-years.xml', 'http://www.arcgames.com/en/games/neverwinter/news/rss');
    expect(stories).to.have.length(2);
    expect(stories[0]).to.include({
      title: 'Neverwinter & Jingle Jam Humble Bundle!',
      url: 'http://www.arcgames.com/en/games/neverwinter/news/detail/10743874-neverwinter-%26-jingle-jam-humble-bundle%21',
      date: at('2017-12-07T18:00:29Z'),
      image: undefined,
    });
    expect(stories[1]).to.include({
      title: '2x Underdark Currency & 15% off Bags!',
      url: 'http://www.arcgames.com/en/games/neverwinter/news/detail/10738994-2x-underdark-currency-%26-15%25-off-bags%21',
      date: at('2017-12-07T15:00:00Z'),
      image: undefined,
    });
  });

  it('rss2-malformed-undeclared-latin1-portuguese-dates: Latin-1 bytes read as such, Portuguese dates', async () => {
    const { format, stories } = await feed('feeds/rss2-malformed-undeclared-latin1-portuguese-dates.xml', 'http://rss.home.uol.com.br/index.xml');
    expect(format).to.equal('rss');
    expect(stories).to.have.length(15);
    expect(stories[0]).to.include({
      title: 'Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno',
      url: 'https://noticias.uol.com.br/politica/eleicoes/2018/noticias/2018/09/24/ibope-bolsonaro-perde-de-haddad-ciro-e-alckmin-em-simulacoes-de-2-turno.htm',
      date: at('2018-09-24T22:42:40Z'),
      image: 'https://conteudo.imguol.com.br/c/noticias/5f/2018/09/17/presidenciaveis-1537211917356_142x100.jpg',
    });
    expect(stories[1]).to.include({
      title: 'Promotoria abre inquérito para apurar suspeita de improbidade de Skaf no Sebrae-SP',
      url: 'https://www1.folha.uol.com.br/poder/2018/09/promotoria-abre-inquerito-para-apurar-suspeita-de-improbidade-de-skaf-no-sebrae-sp.shtml',
      date: at('2018-09-24T22:38:00Z'),
      image: undefined,
      excerpt: '',
    });
  });

  it('rss2-malformed-illegally-nested-items: 10 stories, not 20; origLink over the feedproxy link', async () => {
    const { stories } = await feed('feeds/rss2-malformed-illegally-nested-items.xml', 'http://feeds.feedburner.com/ziffdavis/pcmag/dvorak');
    expect(stories).to.have.length(10);
    expect(stories[0]).to.include({
      title: 'My Professional Armchair Analysis of CES',
      url: 'http://www.pcmag.com/article2/0,2817,2525649,00.asp?kc=PCRSS03079TX1K0000584',
      date: at('2018-01-17T20:50:00Z'),
    });
    expect(stories[1]).to.include({
      title: 'Did We Learn Nothing From the Dot-Com Bust?',
      url: 'http://www.pcmag.com/article2/0,2817,2525452,00.asp?kc=PCRSS03079TX1K0000584',
      date: at('2018-01-13T13:00:00Z'),
    });
    expect(stories.filter((s) => s.image)).to.have.length(0);
  });

  it('malformed-not-a-feed-html-document-moved: refused, no stories', async () => {
    const body = await text('feeds/malformed-not-a-feed-html-document-moved.xml');
    expect(thrown(() => parse(body, 'auto', 'http://fishhawk2.marketwatch.com/rss/', 3))).to.be.instanceOf(Error);
    expect(thrown(() => parse(body, 'rss', 'http://fishhawk2.marketwatch.com/rss/', 3))).to.be.instanceOf(Error);
  });

  describe('WordPress feeds', () => {
    const base = 'https://example-blog.test/feed/';

    it('feed-rss2.xml: tag-stripped titles, raw HTML excerpts made safe, no emoji or src=x image', async () => {
      const { format, stories } = await feed('wordpress/feed-rss2.xml', base);
      expect(format).to.equal('rss');
      expect(stories).to.have.length(10);
      expect(stories.map((s) => s.title)).to.include.members([
        'Rest & Recovery: 5 Gentle Evening Rituals 🌿',
        'Setting Boundaries Without Guilt alert(1)',
        'Grief Doesn’t Follow a Timeline',
        'Protected: A Letter to My Younger Self',
      ]);
      const post11 = stories.find((s) => s.title == 'How to Talk to Your Partner About Starting Therapy')!;
      expect(post11.excerpt).to.equal('A gentle script for a hard conversation.');
      expect(post11.image).to.equal(undefined);
      const protectedPost = stories.find((s) => s.title.startsWith('Protected:'))!;
      expect(protectedPost.excerpt).to.equal('There is no excerpt because this is a protected post.');
      // The emoji <img>s in content:encoded are not story images.
      expect(stories.filter((s) => s.image)).to.have.length(0);
      // Auto excerpts end in " [&#8230;]": shown as a plain "…".
      expect(stories.filter((s) => s.excerpt.endsWith('…')).length).to.be.greaterThan(0);
      expect(stories.some((s) => s.excerpt.includes('[…]'))).to.equal(false);
      expect(stories[0]).to.include({ url: 'https://example-blog.test/make-space-for-what-you-feel/', date: at('2026-10-28T07:30:00Z') });
    });

    it('feed-rdf.xml: RSS 1.0, items under rdf:RDF in a default namespace, dc:date', async () => {
      const { format, stories } = await feed('wordpress/feed-rdf.xml', base + 'rdf/');
      expect(format).to.equal('rss');
      expect(stories).to.have.length(10);
      expect(stories[0]).to.include({
        title: 'Make Space for What You Feel: A Gentle Check-In',
        url: 'https://example-blog.test/make-space-for-what-you-feel/',
        date: at('2026-10-28T07:30:00Z'),
      });
      expect(stories[0].minutes).to.be.at.least(1);
    });

    it('feed-rss092.xml: RSS 0.92, title, description and link only', async () => {
      const { format, stories } = await feed('wordpress/feed-rss092.xml', base + 'rss/');
      expect(format).to.equal('rss');
      expect(stories).to.have.length(10);
      expect(stories[1]).to.include({
        title: 'Rest & Recovery: 5 Gentle Evening Rituals 🌿',
        url: 'https://example-blog.test/rest-and-recovery-5-gentle-evening-rituals/',
        date: undefined,
        minutes: undefined,
      });
    });
  });

  it('takes items only as children of channel or rdf:RDF, and stops at max', () => {
    const doc = xml(
      '<rss><channel><item><title>a</title><link>https://x.test/a</link><item><link>https://x.test/nested</link></item></item>' +
        '<image><link>https://x.test/</link></image><item><link>https://x.test/b</link></item><item><link>https://x.test/c</link></item></channel></rss>',
    );
    expect(rss(doc, 'https://x.test/feed', 10).map((s) => s.url)).to.deep.equal(['https://x.test/a', 'https://x.test/b', 'https://x.test/c']);
    expect(rss(doc, 'https://x.test/feed', 2)).to.have.length(2);
  });

  it('resolves links against xml:base chains', () => {
    const doc = xml(
      '<rss xml:base="https://x.test/blog/"><channel xml:base="2024/"><item><link>post</link></item>' +
        '<item xml:base="/other/"><link>post</link></item><item xml:base="javascript:alert(1)//"><link>p</link></item></channel></rss>',
    );
    expect(rss(doc, 'https://feed.test/rss', 10).map((s) => s.url)).to.deep.equal([
      'https://x.test/blog/2024/post',
      'https://x.test/other/post',
      'https://x.test/blog/2024/p',
    ]);
  });
});
