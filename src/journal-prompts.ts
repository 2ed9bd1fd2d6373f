import { JournalPromptsElement } from './journal-prompts/journal-prompts.js';

JournalPromptsElement.define();

export { JournalPromptsElement };
export type * from './journal-prompts/journal-prompts.js';
