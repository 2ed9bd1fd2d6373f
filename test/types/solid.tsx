// Solid: one import registers the elements and types them in JSX.
import 'gentle-widgets/solid';

export const Notice = () => (
  <content-notice
    variant="warning"
    gate
    reveal-label="Show the part about boundaries"
    on:content-notice-reveal={(event) => console.log(event.detail.id)}
  >
    <h3 slot="heading">This part talks about boundaries being crossed</h3>
    <p>Some of what follows may be hard to read.</p>
  </content-notice>
);

export const Stories = () => <related-stories src="/feed.xml" limit={3} layout="list" format="rss" />;

// @ts-expect-error `variant` takes one of three values.
export const WrongVariant = () => <content-notice variant="alarm" />;

// @ts-expect-error `limit` is a number.
export const WrongLimit = () => <related-stories limit={{}} />;

export const WrongDetail = () => (
  // @ts-expect-error the reveal event's detail has an `id`, not a `name`.
  <content-notice on:content-notice-reveal={(event) => console.log(event.detail.name)} />
);
