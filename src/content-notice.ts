import { ContentNoticeElement } from './content-notice/content-notice.js';

ContentNoticeElement.define();

export { ContentNoticeElement };
export type * from './content-notice/content-notice.js';
