import { hashText, openStorage, readItem, writeItem, type StorageArea } from '../shared/storage.js';

/** What a notice remembers for the reader: that they revealed it, or collapsed it. */
export interface NoticeState {
  revealed: boolean;
  dismissed: boolean;
}

/**
 * The storage key of a notice: its `id` plus a hash of its text, so that a notice whose wording
 * changes is shown afresh instead of staying collapsed under its old answer.
 */
export function noticeKey(id: string, text: string): string {
  return `gentle-widgets:content-notice:v1:${id}:${hashText(text)}`;
}

/** Reads a stored state (`"revealed dismissed"`); anything unknown counts as nothing stored. */
export function parseNoticeState(raw: string | null): NoticeState {
  const words = (raw ?? '').split(' ');
  return { revealed: words.includes('revealed'), dismissed: words.includes('dismissed') };
}

/** A notice's memory in one storage area; `null` where the browser blocks that storage. */
export function openNoticeMemory(area: StorageArea, key: string) {
  const storage = openStorage(area);
  return (
    storage && {
      read: (): NoticeState => parseNoticeState(readItem(storage, key)),
      /** Stores the state, or clears it when nothing is left to remember; `false` if refused. */
      write: (state: NoticeState): boolean =>
        writeItem(
          storage,
          key,
          [state.revealed && 'revealed', state.dismissed && 'dismissed'].filter(Boolean).join(' ') || null,
        ),
    }
  );
}

export type NoticeMemory = NonNullable<ReturnType<typeof openNoticeMemory>>;
