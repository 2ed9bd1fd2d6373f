import { expect } from '@open-wc/testing';
import { hashText, openStorage, readItem, storageArea, writeItem } from '../src/shared/storage.js';
import { noticeKey, openNoticeMemory, parseNoticeState } from '../src/content-notice/notice-memory.js';
import { blockStorage } from './helpers.js';

describe('storage helpers', () => {
  afterEach(() => {
    sessionStorage.clear();
    localStorage.clear();
  });

  it('opens session and local storage', () => {
    expect(openStorage('session')).to.equal(sessionStorage);
    expect(openStorage('local')).to.equal(localStorage);
  });

  it('returns null when storage is blocked, and never throws', () => {
    const restore = blockStorage('localStorage');
    try {
      expect(openStorage('local')).to.equal(null);
      expect(readItem(null, 'k')).to.equal(null);
      expect(writeItem(null, 'k', 'v')).to.equal(false);
    } finally {
      restore();
    }
    expect(openStorage('local')).to.equal(localStorage);
  });

  it('returns null when storage refuses writes (full, or private mode)', () => {
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      expect(openStorage('session')).to.equal(null);
      expect(writeItem(sessionStorage, 'k', 'v')).to.equal(false);
    } finally {
      Storage.prototype.setItem = original;
    }
  });

  it('storageArea returns a full storage (it still reads and removes), and null when blocked', () => {
    sessionStorage.setItem('gw-kept', 'v');
    const original = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    try {
      expect(openStorage('session')).to.equal(null);
      expect(storageArea('session')).to.equal(sessionStorage);
      expect(readItem(storageArea('session'), 'gw-kept')).to.equal('v');
      expect(writeItem(storageArea('session'), 'gw-kept', null)).to.equal(true);
    } finally {
      Storage.prototype.setItem = original;
    }
    expect(sessionStorage.getItem('gw-kept')).to.equal(null);
    const restore = blockStorage('localStorage');
    try {
      expect(storageArea('local')).to.equal(null);
    } finally {
      restore();
    }
  });

  it('reads, writes and removes items', () => {
    expect(writeItem(sessionStorage, 'gw-test', 'v')).to.equal(true);
    expect(readItem(sessionStorage, 'gw-test')).to.equal('v');
    expect(writeItem(sessionStorage, 'gw-test', null)).to.equal(true);
    expect(readItem(sessionStorage, 'gw-test')).to.equal(null);
  });

  it('hashes text stably, ignoring layout white space but not wording', () => {
    expect(hashText('Take care of yourself.')).to.equal(hashText('  Take care\n   of yourself. '));
    expect(hashText('Take care of yourself.')).not.to.equal(hashText('Take care of yourself!'));
    expect(hashText('')).to.match(/^[0-9a-z]+$/);
  });
});

describe('notice memory', () => {
  afterEach(() => sessionStorage.clear());

  it('keys a notice by id and text, so changed wording starts afresh', () => {
    expect(noticeKey('a', 'text')).to.equal(noticeKey('a', 'text'));
    expect(noticeKey('a', 'text')).not.to.equal(noticeKey('b', 'text'));
    expect(noticeKey('a', 'text')).not.to.equal(noticeKey('a', 'new text'));
  });

  it('treats anything unknown in storage as nothing remembered', () => {
    for (const raw of [null, '', '{"revealed":true}', 'nonsense', 'true']) {
      expect(parseNoticeState(raw), String(raw)).to.deep.equal({ revealed: false, dismissed: false });
    }
    expect(parseNoticeState('revealed dismissed')).to.deep.equal({ revealed: true, dismissed: true });
  });

  it('stores a state and clears the key when nothing is left to remember', () => {
    const memory = openNoticeMemory('session', 'gw-notice')!;
    expect(memory.write({ revealed: true, dismissed: false })).to.equal(true);
    expect(memory.read()).to.deep.equal({ revealed: true, dismissed: false });
    memory.write({ revealed: false, dismissed: false });
    expect(sessionStorage.getItem('gw-notice')).to.equal(null);
  });

  it('is null where storage is blocked', () => {
    const restore = blockStorage('sessionStorage');
    try {
      expect(openNoticeMemory('session', 'gw-notice')).to.equal(null);
    } finally {
      restore();
    }
  });
});
