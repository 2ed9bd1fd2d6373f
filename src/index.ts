export { ContentNoticeElement } from './content-notice/content-notice.js';
export type {
  ContentNoticeEventDetail,
  ContentNoticeRemember,
  ContentNoticeVariant,
} from './content-notice/content-notice.js';
export { GentleElement } from './shared/base.js';
