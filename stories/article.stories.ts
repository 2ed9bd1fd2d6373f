import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import leaf from '../demo/images/leaf.svg';
import demoCss from '../demo/demo.css?inline';
import '../src/content-notice.js';

/**
 * The seed article as a blog page (the markup of demo/index.html), with `<content-notice>` in place of
 * the opening distinction and the closing "Important note". The journaling prompts, the booking link and
 * "Read more Stories With Ease" are still plain HTML until their elements exist.
 */
const meta = {
  title: 'Pages/Article',
  // Page-wide theme CSS (body, headings): keep it off a shared docs page.
  tags: ['!autodocs'],
  parameters: {
    layout: 'fullscreen',
    embed: {
      note: 'What goes into the post: each notice in its own Custom HTML block (WordPress) or Code block (Squarespace).',
      rewrite: (code: string) => {
        const template = document.createElement('template');
        template.innerHTML = code;
        return [...template.content.querySelectorAll('content-notice')].map((notice) => notice.outerHTML).join('\n\n');
      },
    },
  },
} satisfies Meta;
export default meta;

export const Article: StoryObj = {
  name: 'Why you might cry after sex',
  render: () => html`
    <style>
      ${demoCss}
    </style>
    <a class="skip-link" href="#main">Skip to the article</a>

    <header class="site-header">
      <a class="site-title" href="/demo/">
        <img src=${leaf} alt="" width="40" height="40">
        <span>Stories With Ease</span>
      </a>
      <p class="site-tagline">Holistic therapy, the body and gentle healing</p>
    </header>

    <main id="main">
      <article class="entry">
        <header class="entry-header">
          <p class="entry-category">Body &amp; emotions</p>
          <h1>Why you might cry after sex (and why it’s completely normal)</h1>
        </header>

        <div class="entry-content">
          <p>I’m writing this article because there’s still so much left unsaid about our female experiences in the bedroom — and it’s about time we bring more light to it.</p>
          <p>So many of the things we feel weird, confused, or even broken about are actually completely normal. We just don’t talk about them enough, therefore you can feel like you are the only one moving through it.</p>

          <content-notice variant="distinction" id="distinction">
            <h2 slot="heading">First, an important distinction</h2>
            <p><span aria-hidden="true">🚨</span> If you’re crying after sex because you are hurting, felt mistreated, or something crossed your boundaries — please know this is a completely different situation. That is your body and soul waving a big red flag.</p>
            <p>In those moments, the first step is softening toward yourself, really acknowledging what happened, and asking yourself: <em>Is this a space I feel safe and respected enough to open up in again?</em> (If you’d like, I can share more about this in another blog soon.)</p>
            <p slot="resources"><strong>If you need to talk to someone now</strong></p>
            <ul slot="resources">
              <li><a href="tel:116123">Samaritans (UK &amp; Ireland): call 116 123</a>, free, any time, day or night</li>
              <li><a href="https://findahelpline.com">Find a Helpline</a>: free, confidential support lines in other countries</li>
            </ul>
          </content-notice>

          <p>What I want to dive into today is something different — the moments when, seemingly out of nowhere, after an orgasm or at the end of penetration, you suddenly feel emotional, shaky, or on the verge of tears. I’ll explain why this happens and how you can show up for yourself (or your partner) in the most nourishing way when it does.</p>

          <h2 id="physiology">How it happens: a little physiology</h2>
          <p>Let’s start with a little body science. When we have sex or an orgasm, our bodies often shift between different states of the nervous system. During arousal and orgasm, the body is in a state of high sympathetic activation — alert, intense, focused on sensation.</p>
          <p>Then, suddenly, after climax or at the end of deep intimacy, the body switches back into the parasympathetic state — the state of rest, softness, safety, and surrender. This switch can be fast and powerful.</p>
          <p>When we enter that deeper parasympathetic state, our body feels safe enough to release — not just tension from the movement just before that moment, but old tension, old emotions, and even old memories that have been tucked away in our system for a long time.</p>

          <h2 id="emotions-in-the-vulva">Emotions in the vulva (yes, really)</h2>
          <p>Our pelvic area — the vulva, womb, and hips — is one of the most intimate and vulnerable places in the body. And yet, it’s rarely talked about, let alone listened to with care. But this part of us is deeply connected to our emotional world — not just symbolically, but physiologically.</p>
          <p>Trauma, shame, heartbreak, grief — they don’t just live in the mind. They can linger in the fascia, the connective tissue that wraps around our muscles and organs, holding patterns of tension and unspoken stories long after we’ve “moved on.” This region is also highly innervated by the vagus nerve, which plays a key role in our ability to feel safe, connected, and emotionally regulated. That means the pelvis is not only a center of physical sensation, but also of emotional processing.</p>
          <p>When something truly safe, loving, or deeply opening happens — like deep intimacy, massage, or somatic work — the body sometimes responds with a quiet exhale: <em>Finally, I can let this go.</em> What was frozen begins to thaw. Tears come. Breath deepens. It’s not just emotional release — it’s the body remembering how to move again.</p>

          <h2 id="meeting-yourself-with-softness">How to deal with it: meeting yourself with softness</h2>
          <p>So what can you do when this happens?</p>
          <p>It can feel confusing — even embarrassing — to shift from a moment of arousal into unexpected tears. One moment you’re open and connected, the next you’re suddenly overwhelmed by emotion. Your partner might freeze, unsure of what’s happening, and you may feel the urge to push it down, to stay “in the mood,” or to explain it away.</p>
          <p>But what if, instead of shutting it down, you allowed it?</p>

          <h3 id="its-normal">1. It’s normal. You’re not broken.</h3>
          <p>The first beautiful reminder: This happens because your body feels safe enough to open and release. It’s a sign that you’re not suppressing, but allowing. This is how the body resets and heals.</p>
          <p>Crying in these moments doesn’t mean something is wrong — it often means something very right is happening. That emotion coming up might not even be about the present moment — it could be something old, something stored, now finally ready to move.</p>

          <h3 id="nothing-to-fix">2. There’s nothing to fix.</h3>
          <p>You don’t need to make it stop. You don’t need to apologize. You don’t need to explain yourself perfectly.</p>
          <p>If you feel safe, you can simply let your partner know: “I’m okay. you didn’t do anything wrong, I just need to feel this for a little bit.”</p>
          <p>And then… let it be. Let the tears come. Let your body shiver, sigh, or soften. Crying after sex is a powerful form of emotional release — and your body knows exactly what it’s doing.</p>
          <p>(If you want to read more about this, I’ve written a piece about <a href="/demo/stories/the-power-of-crying.html">the power of crying here</a>.)</p>

          <h3 id="reflect-afterwards">3. Reflect afterwards (optional but powerful)</h3>
          <p>Sometimes, specific memories, images, or feelings might come up after a release like this. If you feel called, you can take a little time for yourself afterwards to journal or simply be with whatever surfaced. You don’t need to figure it all out. But you might want to honor what your body is showing you.</p>

          <div class="journal-prompts" id="journal-prompts">
            <p class="journal-prompts-heading">Here are a few gentle journaling prompts to support you:</p>
            <ol>
              <li>What was there to be released, and what do I want to do with it?</li>
              <li>What is a need I can give more attention to?</li>
              <li>What is something nourishing I can give myself right now?</li>
            </ol>
            <p class="journal-prompts-invitation">If another question feels more alive for you, follow that. Your body’s wisdom will always lead the way.</p>
          </div>

          <h2 id="final-thoughts">Final thoughts</h2>
          <p>There’s so much more I could write about this — and maybe I will. But for now, please know: you are not alone in these experiences. Our bodies are not just vessels for pleasure or performance. They are sacred spaces where old pain, joy, grief, and love can live — and be set free.</p>
          <p>Every tear, every tremble, every soft exhale… it’s all part of your beautiful journey back home to yourself. <span aria-hidden="true">🌿</span></p>

          <content-notice variant="disclaimer" id="important-note">
            <h2 slot="heading">Important note</h2>
            <p>In this article, I talk about emotional release after sex — a natural but often unexpected response.</p>
            <p>It touches on a topic I discussed with some couples during our massage workshops: how safe, attuned touch can bring emotions to the surface and deepen connection.</p>
            <p>Just to clarify: the massages I give and teach are not erotic. They’re focused on relaxation, presence, and nervous system regulation. The couple massage workshops offer a non-sexual but deeply connecting way to support each other through touch.</p>
          </content-notice>
        </div>
      </article>

      <section class="book-call" id="book-call" aria-labelledby="book-call-heading">
        <h2 id="book-call-heading">Ready to try out holistic therapy?</h2>
        <p>Let’s explore how working with your body can help you feel more grounded, clear, and calm.</p>
        <p><a class="book-call-link" href="https://calendly.com/stories-with-ease/discovery-call">Book a free discovery call today</a> and see if it’s the right fit for you.</p>
      </section>

      <section class="related-stories" id="related-stories" aria-labelledby="related-stories-heading">
        <h2 id="related-stories-heading">Read more Stories With Ease</h2>
        <ul>
          <li>
            <a href="/demo/stories/mastering-stress.html">Mastering Stress and Overwhelm while Working - The power of the moments in between</a>
            <p>Maintaining a healthy work-life balance that genuinely suits me is nowadays all about “the moments in between.” For a long time, I considered this balance in a “work-hard-play-hard” manner…</p>
          </li>
          <li>
            <a href="/demo/stories/journaling-scariest-thoughts.html">A Journaling Exercise to Face Your Scariest Thoughts with Clarity and Ease</a>
            <p>Today, I want to share a practice that has helped me countless times over the past year in navigating anxiety. Anxiety is one of the most overwhelming emotions I experience, and at times, it feels terrifying to look inward and truly face what’s there…</p>
          </li>
          <li>
            <a href="/demo/stories/holistic-therapy.html">Holistic therapy: working with the whole of you</a>
            <p>Our bodies have the innate capacity to shift our state. More and more people are recognizing the significance of taking a holistic approach…</p>
          </li>
        </ul>
      </section>
    </main>

    <footer class="site-footer">
      <p>© Stories With Ease</p>
      <p class="site-footer-note">This page is the <code>gentle-widgets</code> demo: the notices are web components that enhance the text written inside them, so everything here still reads with JavaScript off.</p>
    </footer>
  `,
};
