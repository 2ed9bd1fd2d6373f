// Never imported by the app: only `npm run typecheck` reads this file. Each `@ts-expect-error` marks a
// mistake the package's JSX types must catch; if the types stopped catching one, the directive would be
// unused and the type-check would fail.
import 'gentle-widgets/react';
import type { ContentNoticeEventDetail } from 'gentle-widgets';

export const mistakes = (
  <>
    <content-notice
      // @ts-expect-error 'alarm' is not a variant of <content-notice>.
      variant="alarm"
    />
    <content-notice
      variant="warning"
      // @ts-expect-error the reveal event's detail has an `id`, nothing misspelt.
      oncontent-notice-reveal={(event) => console.log(event.detail.idd)}
    />
    {/* A handler of the wrong type is reported on the tag, so the directive goes above it. */}
    {/* @ts-expect-error a reveal handler receives a CustomEvent, not a keyboard event. */}
    <content-notice oncontent-notice-reveal={(event: KeyboardEvent) => console.log(event.key)} />
    {/* @ts-expect-error the reveal event's detail is `{ id }`, not this. */}
    <content-notice oncontent-notice-reveal={(event: CustomEvent<{ hidden: true }>) => console.log(event.detail.hidden)} />
    {/* A correct handler, to show the one above fails for its type and not for the prop. */}
    <content-notice oncontent-notice-reveal={(event: CustomEvent<ContentNoticeEventDetail>) => console.log(event.detail.id)} />
    <journal-prompts
      // @ts-expect-error a journal stores in 'session', 'local' or 'none'.
      storage="cloud"
    />
    <book-call-cta
      // @ts-expect-error a booking opens as 'link', 'popup' or 'inline'.
      mode="modal"
    />
    <related-stories
      // @ts-expect-error stories show as a 'grid' or a 'list'.
      layout="masonry"
    />
  </>
);
