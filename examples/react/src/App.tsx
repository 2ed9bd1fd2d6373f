import { useState } from 'react';
// Registers the four elements and types them in JSX: attributes by their values, events as
// `on<event-name>` props. On a server it registers nothing and throws nothing.
import 'gentle-widgets/react';

export function App() {
  const [lastEvent, setLastEvent] = useState('none yet');

  return (
    <main>
      <h1>Why you might cry after sex (and why it’s completely normal)</h1>
      <p>So many of the things we feel weird, confused, or even broken about are actually completely normal.</p>

      <content-notice
        variant="warning"
        gate
        id="boundaries"
        oncontent-notice-reveal={(event) => setLastEvent(`content-notice-reveal: ${event.detail.id}`)}
      >
        <p slot="heading">This part talks about boundaries being crossed.</p>
        <p>
          If you’re crying after sex because you are hurting, felt mistreated, or something crossed your boundaries —
          please know this is a completely different situation. That is your body and soul waving a big red flag.
        </p>
        <ul slot="resources">
          <li><a href="tel:116123">Samaritans (UK &amp; Ireland): 116 123</a></li>
          <li><a href="https://findahelpline.com">Find a helpline in your country</a></li>
        </ul>
      </content-notice>

      <journal-prompts
        storage-key="example-after-release"
        onjournal-prompts-save={(event) => setLastEvent(`journal-prompts-save: ${event.detail.storage}`)}
      >
        <p slot="heading">Here are a few gentle journaling prompts to support you:</p>
        <ol>
          <li>What was there to be released, and what do I want to do with it?</li>
          <li>What is a need I can give more attention to?</li>
          <li>What is something nourishing I can give myself right now?</li>
        </ol>
        <p slot="invitation">
          If another question feels more alive for you, follow that. Your body’s wisdom will always lead the way.
        </p>
      </journal-prompts>

      <book-call-cta
        utm-source="blog"
        onbook-call-cta-open={(event) => setLastEvent(`book-call-cta-open: ${event.detail.provider} (${event.detail.mode})`)}
      >
        <h2>Ready to try out holistic therapy?</h2>
        <p>Let’s explore how working with your body can help you feel more grounded, clear, and calm.</p>
        <p><a href="https://calendly.com/your-name/discovery-call">Book a free discovery call today</a></p>
      </book-call-cta>

      <related-stories layout="list">
        <h2 slot="heading">Read more Stories With Ease</h2>
        <ul>
          <li>
            <a href="/mastering-stress/">Mastering Stress and Overwhelm while Working - The power of the moments in between</a>
            <p>Maintaining a healthy work-life balance that genuinely suits me is nowadays all about “the moments in between.”</p>
          </li>
          <li>
            <a href="/journaling-scariest-thoughts/">A Journaling Exercise to Face Your Scariest Thoughts with Clarity and Ease</a>
            <p>Today, I want to share a practice that has helped me countless times over the past year in navigating anxiety.</p>
          </li>
        </ul>
      </related-stories>

      <p>
        Last event: <output id="last-event" aria-live="polite">{lastEvent}</output>
      </p>
    </main>
  );
}
