export { ContentNoticeElement } from './content-notice/content-notice.js';
export type {
  ContentNoticeEventDetail,
  ContentNoticeRemember,
  ContentNoticeVariant,
} from './content-notice/content-notice.js';
export { JournalPromptsElement } from './journal-prompts/journal-prompts.js';
export type {
  JournalPromptsExportDetail,
  JournalPromptsLayout,
  JournalPromptsSaveDetail,
  JournalPromptsStorage,
} from './journal-prompts/journal-prompts.js';
export { BookCallCtaElement } from './book-call-cta/book-call-cta.js';
export type {
  BookCallCtaEventDetail,
  BookCallCtaMode,
  BookCallCtaOpenDetail,
  BookCallCtaProvider,
} from './book-call-cta/book-call-cta.js';
export { GentleElement } from './shared/base.js';
export { RelatedStoriesElement } from './related-stories/related-stories.js';
export type {
  RelatedStoriesErrorDetail,
  RelatedStoriesErrorReason,
  RelatedStoriesFormat,
  RelatedStoriesLayout,
  RelatedStoriesLoadDetail,
  RelatedStory,
} from './related-stories/related-stories.js';
