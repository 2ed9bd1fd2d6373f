// The article the WordPress test publishes, in the three forms a site's writers use: our blocks (the markup
// the block editor saves for them), raw tags in a Custom HTML block, and shortcodes in a classic-editor
// post. Plus what an author might try to sneak through our tags. Every string a reader must see is in
// `reads`, without quotes or dashes (WordPress's wptexturize would change them).

export const BOOKING = "https://calendly.com/example/discovery";
// `%3A`, not `:` — for authors and contributors kses reads everything before the first colon of a URL
// attribute as its protocol: `src="/wp-json/wp/v2/posts?per_page=4&_embed=wp:featuredmedia"` is stored
// as `src="featuredmedia"` (measured on WordPress 6.1.9). PHP decodes `%3A` before the REST API reads it.
export const RELATED_SRC =
  "/wp-json/wp/v2/posts?per_page=4&_embed=wp%3Afeaturedmedia";

// The distinction notice's quick exit: an everyday page on the test site itself (a search for the weather),
// since the test refuses every request that leaves the site. A site would name a weather forecast.
export const EXIT = "/?s=weather";

const text = {
  intro:
    "Crying after sex is more common than most people think, and it is not a sign that something is broken.",
  distinctionHeading: "Before you read on",
  distinctionBody:
    "If the tears come with pain or fear, that is a different situation, and you deserve support.",
  helpline: "Samaritans: 116 123",
  warningHeading: "This part talks about boundaries being crossed",
  warningBody:
    "Some readers cry because a boundary was crossed. That is not the release this article is about.",
  journalHeading: "A few gentle journaling prompts",
  prompts: [
    "What was there to be released?",
    "What is a need I can give more attention to?",
  ],
  invitation: "If another question feels more alive for you, follow that.",
  ctaHeading: "Ready to try out holistic therapy?",
  ctaBody: "A free call to see whether working together feels right.",
  ctaLink: "Book a free discovery call",
  relatedHeading: "Read more Stories With Ease",
  outro: "Every tear is part of your journey back home to yourself.",
};

/** Seeded posts the related-stories list links to (their slugs, from the site's seed). */
export const stories = [
  ["/setting-boundaries-without-guilt/", "Setting boundaries without guilt"],
  [
    "/mastering-stress-and-overwhelm-while-working/",
    "Mastering stress and overwhelm while working",
  ],
  [
    "/a-journaling-exercise-to-face-your-scariest-thoughts/",
    "A journaling exercise for your scariest thoughts",
  ],
];

/** What a reader must see, JavaScript or not, and the links that must be there. */
export const reads = {
  texts: [
    text.intro,
    text.distinctionHeading,
    text.distinctionBody,
    text.warningHeading,
    text.warningBody,
    text.journalHeading,
    ...text.prompts,
    text.invitation,
    text.ctaHeading,
    text.ctaBody,
    text.relatedHeading,
    text.outro,
  ],
  links: [["tel:116123", text.helpline], [BOOKING, text.ctaLink], ...stories],
  gated: text.warningBody,
  booking: [BOOKING, text.ctaLink],
};

/**
 * The attributes of the two newer features, as every form must bring them to the page: the distinction
 * notice's quick exit and the journal without its lock.
 */
export const features = {
  exit: `content-notice[variant="distinction"][exit-href="${EXIT}"]`,
  lockOff: 'journal-prompts[lock="off"]',
  stored: [`exit-href="${EXIT}"`, 'lock="off"'],
};

/** The elements each form must produce on the page. */
export const expectedElements = {
  "content-notice": 2,
  "journal-prompts": 1,
  "book-call-cta": 1,
  "related-stories": 1,
};

const storyItems = stories
  .map(([href, title]) => `<li><a href="${href}">${title}</a></li>`)
  .join("");
const srcAttr = RELATED_SRC.replace(/&/g, "&amp;");

// ---- raw tags (Custom HTML block) ------------------------------------------------------------

const tags = {
  distinction: `<content-notice variant="distinction" exit-href="${EXIT}"><p slot="heading">${text.distinctionHeading}</p><p>${text.distinctionBody}</p><ul slot="resources"><li><a href="tel:116123">${text.helpline}</a></li></ul></content-notice>`,
  warning: `<content-notice variant="warning" gate><p slot="heading">${text.warningHeading}</p><p>${text.warningBody}</p></content-notice>`,
  journal: `<journal-prompts lock="off"><h2 slot="heading">${text.journalHeading}</h2><ol>${text.prompts.map((p) => `<li>${p}</li>`).join("")}</ol><p slot="invitation">${text.invitation}</p></journal-prompts>`,
  cta: `<book-call-cta href="${BOOKING}"><h2>${text.ctaHeading}</h2><p>${text.ctaBody}</p><p><a href="${BOOKING}">${text.ctaLink}</a></p></book-call-cta>`,
  related: `<related-stories src="${srcAttr}" limit="3"><h2 slot="heading">${text.relatedHeading}</h2><ul>${storyItems}</ul></related-stories>`,
};

const paragraph = (t) =>
  `<!-- wp:paragraph -->\n<p>${t}</p>\n<!-- /wp:paragraph -->`;
const htmlBlock = (html) => `<!-- wp:html -->\n${html}\n<!-- /wp:html -->`;

/** The article with the elements as raw tags, each in a Custom HTML block. */
export function htmlBlockArticle() {
  return [
    paragraph(text.intro),
    htmlBlock(tags.distinction),
    htmlBlock(tags.warning),
    htmlBlock(tags.journal),
    htmlBlock(tags.cta),
    htmlBlock(tags.related),
    paragraph(text.outro),
  ].join("\n\n");
}

// ---- our blocks -----------------------------------------------------------------------------

const innerParagraph = (t) =>
  `<!-- wp:paragraph -->\n<p>${t}</p>\n<!-- /wp:paragraph -->`;
const innerList = (items) =>
  `<!-- wp:list {"ordered":true} -->\n<ol>${items.map((t) => `<!-- wp:list-item -->\n<li>${t}</li>\n<!-- /wp:list-item -->`).join("\n\n")}</ol>\n<!-- /wp:list -->`;
/** One of our blocks as the editor serializes it: every value lives in the element's HTML (block.json `source`). */
const block = (name, html) =>
  `<!-- wp:gentle-widgets/${name} -->\n${html}\n<!-- /wp:gentle-widgets/${name} -->`;
const cls = (name) => `class="wp-block-gentle-widgets-${name}"`;

/**
 * The article built from our four blocks, byte for byte what the block editor saves for them
 * (wordpress/blocks/editor.js `save`: the heading and the support links as slotted paragraphs, the body
 * as inner core blocks, booleans as `gate=""`, the booking link in `<p data-gentle-widgets="booking">`,
 * a feed URL's colons as `%3A`). The test parses each stored copy in the real block editor, which must
 * call every block valid: a post an author saved must not come back as "unexpected or invalid content".
 *
 * With `{ before: true }`, the same blocks as the plugin saved them before the quick exit and the lock
 * had block settings: no `exit-href`, no `lock`. Parsed with today's blocks, every one must still
 * be valid and be saved again byte for byte, so posts written then need no block deprecation.
 */
export function blocksArticle({ before = false } = {}) {
  const exit = before ? "" : ` exit-href="${EXIT}"`;
  const lock = before ? "" : ' lock="off"';
  return [
    paragraph(text.intro),
    block(
      "content-notice",
      `<content-notice variant="distinction"${exit} ${cls("content-notice")}><p slot="heading">${text.distinctionHeading}</p>${innerParagraph(text.distinctionBody)}<p slot="resources"><a href="tel:116123">${text.helpline}</a></p></content-notice>`,
    ),
    block(
      "content-notice",
      `<content-notice variant="warning" gate="" ${cls("content-notice")}><p slot="heading">${text.warningHeading}</p>${innerParagraph(text.warningBody)}</content-notice>`,
    ),
    block(
      "journal-prompts",
      `<journal-prompts${lock} ${cls("journal-prompts")}><h2 slot="heading">${text.journalHeading}</h2>${innerList(text.prompts)}<p slot="invitation">${text.invitation}</p></journal-prompts>`,
    ),
    block(
      "book-call-cta",
      `<book-call-cta ${cls("book-call-cta")}><h2 data-gentle-widgets="heading">${text.ctaHeading}</h2>${innerParagraph(text.ctaBody)}<p data-gentle-widgets="booking"><a href="${BOOKING}">${text.ctaLink}</a></p></book-call-cta>`,
    ),
    block(
      "related-stories",
      `<related-stories src="${srcAttr}" limit="3" ${cls("related-stories")}><h2 slot="heading">${text.relatedHeading}</h2><ul>${storyItems}</ul></related-stories>`,
    ),
    paragraph(text.outro),
  ].join("\n\n");
}

// ---- shortcodes (classic editor) ------------------------------------------------------------

/**
 * The article as a classic-editor post: paragraphs separated by blank lines, and our shortcodes as
 * wordpress/readme.txt documents them (each on its own lines; support links in `[resources]`, one prompt
 * and one story per line).
 */
export function shortcodeArticle() {
  return [
    text.intro,
    `[content_notice variant="distinction" exit_href="${EXIT}" heading="${text.distinctionHeading}"]\n${text.distinctionBody}\n[resources]<a href="tel:116123">${text.helpline}</a>[/resources]\n[/content_notice]`,
    `[content_notice variant="warning" gate="1" heading="${text.warningHeading}"]\n${text.warningBody}\n[/content_notice]`,
    `[journal_prompts lock="off" heading="${text.journalHeading}" invitation="${text.invitation}"]\n${text.prompts.join("\n")}\n[/journal_prompts]`,
    `[book_call_cta heading="${text.ctaHeading}" href="${BOOKING}" link_text="${text.ctaLink}"]\n${text.ctaBody}\n[/book_call_cta]`,
    `[related_stories heading="${text.relatedHeading}" src="${RELATED_SRC}" limit="3"]\n${stories.map(([h, t]) => `<a href="${h}">${t}</a>`).join("\n")}\n[/related_stories]`,
    text.outro,
  ].join("\n\n");
}

// ---- what an author may try -----------------------------------------------------------------

/** Event handlers and `javascript:` URLs inside our tags, in a Custom HTML block. */
export function attemptsHtmlBlock() {
  return htmlBlock(
    [
      `<content-notice variant="distinction" onclick="alert('notice-click')" onmouseover="alert('notice-over')"><p slot="heading" onclick="alert('heading-click')">Attempt heading</p><p>Attempt body with <a href="javascript:alert('body-link')" onmouseover="alert('link-over')">a link</a>.</p></content-notice>`,
      `<book-call-cta href="javascript:alert('cta-href')" onmouseover="alert('cta-over')"><a href="JaVaScRiPt:alert('cta-link')">Book the attempt</a></book-call-cta>`,
      `<journal-prompts onfocus="alert('journal-focus')" onclick="alert('journal-click')"><ol><li onmouseover="alert('prompt-over')">Attempt prompt</li></ol></journal-prompts>`,
      `<related-stories src="javascript:alert('related-src')" onload="alert('related-load')"><ul><li><a href="jav&#x61;script:alert('entity')">Attempt story</a></li></ul></related-stories>`,
    ].join("\n"),
  );
}

/** The same attempts through shortcode attributes in a classic-editor post. */
export function attemptsShortcodes() {
  return [
    `[content_notice variant="distinction" heading="Attempt heading" onclick="alert('sc-notice')" onmouseover="alert('sc-over')"]Attempt body with <a href="javascript:alert('sc-body-link')">a link</a>.[/content_notice]`,
    `[book_call_cta href="javascript:alert('sc-cta')" link_text="Book the attempt" onclick="alert('sc-cta-click')"]Attempt text.[/book_call_cta]`,
    `[related_stories src="javascript:alert('sc-src')" heading="Attempt stories"]<a href="javascript:alert('sc-story')">Attempt story</a>[/related_stories]`,
  ].join("\n\n");
}

// ---- a `javascript:` quick exit -------------------------------------------------------------

/** The `javascript:` exit, as its own notice (a Custom HTML block, or a shortcode in a classic post). */
export const exitAttempt = {
  href: "javascript:alert('exit-href')",
  heading: "Attempt exit heading",
  htmlBlock: () =>
    htmlBlock(
      `<content-notice variant="distinction" exit-href="javascript:alert('exit-href')"><p slot="heading">Attempt exit heading</p><p>Attempt exit body.</p></content-notice>`,
    ),
  shortcodes: () =>
    `[content_notice variant="distinction" exit_href="javascript:alert('exit-href')" heading="Attempt exit heading"]Attempt exit body.[/content_notice]`,
};
