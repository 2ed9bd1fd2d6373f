import { RelatedStoriesElement } from './related-stories/related-stories.js';

RelatedStoriesElement.define();

export { RelatedStoriesElement };
export type * from './related-stories/related-stories.js';
