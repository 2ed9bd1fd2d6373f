import { aTimeout, expect } from '@open-wc/testing';
import { decode, encode, journalKey, saver, VERSION } from '../src/journal-prompts/answer-store.js';
import { hashText } from '../src/shared/storage.js';

// The prompts of the seed article, "3. Reflect afterwards".
const prompts = [
  'What was there to be released, and what do I want to do with it?',
  'What is a need I can give more attention to?',
  'What is something nourishing I can give myself right now?',
];

describe('answer store', () => {
  describe('journalKey', () => {
    it('is the page path and a hash of the prompts, under the library prefix', () => {
      const key = journalKey(undefined, '/emotional-release-after-sex/', prompts);
      expect(key).to.equal(`gentle-widgets:journal-prompts:/emotional-release-after-sex/:${hashText(prompts.join('\n'))}`);
      expect(journalKey(null, '/emotional-release-after-sex/', prompts)).to.equal(key);
    });

    it('changes when a prompt or the page changes, so another journal never reads these answers', () => {
      const key = journalKey(undefined, '/a/', prompts);
      expect(journalKey(undefined, '/b/', prompts)).not.to.equal(key);
      expect(journalKey(undefined, '/a/', prompts.slice(0, 2))).not.to.equal(key);
      expect(journalKey(undefined, '/a/', [prompts[0], prompts[1], 'What is something nourishing I can give myself today?'])).not.to.equal(key);
      expect(journalKey(undefined, '/a/', [...prompts].reverse())).not.to.equal(key);
    });

    it('uses storage-key when given (trimmed), and ignores a blank one', () => {
      expect(journalKey('reflect-afterwards', '/a/', prompts)).to.equal('gentle-widgets:journal-prompts:reflect-afterwards');
      expect(journalKey('  reflect  ', '/a/', prompts)).to.equal('gentle-widgets:journal-prompts:reflect');
      expect(journalKey('   ', '/a/', prompts)).to.equal(journalKey(undefined, '/a/', prompts));
    });
  });

  describe('encode', () => {
    it('writes versioned JSON with the written answers only', () => {
      const [a, b] = prompts.map(hashText);
      expect(VERSION).to.equal(1);
      expect(encode({ [a]: 'Old grief, and I want to let it go.', [b]: '', q: 'What do I need?' })).to.equal(
        JSON.stringify({ v: 1, a: { [a]: 'Old grief, and I want to let it go.', q: 'What do I need?' } }),
      );
    });

    it('is null (remove the key) when nothing is written', () => {
      expect(encode({})).to.equal(null);
      expect(encode({ q: '', o: '' })).to.equal(null);
    });

    it('writes an empty record when asked to keep one (the reader’s choice of area)', () => {
      expect(encode({ q: '' }, true)).to.equal('{"v":1,"a":{}}');
      expect(decode(encode({}, true))).to.deep.equal({});
    });
  });

  describe('decode', () => {
    it('reads back what encode wrote, whitespace, line breaks and all', () => {
      const answers = { [hashText(prompts[0])]: 'Rest.\n\n  A walk — outside. 🌿', o: 'é' };
      expect(decode(encode(answers))).to.deep.equal(answers);
    });

    it('counts anything unreadable as nothing stored', () => {
      for (const raw of [
        null,
        undefined,
        '',
        'not json',
        '{"v":1,"a":',
        'null',
        '42',
        '"text"',
        '[]',
        '{}',
        '{"a":{"x":"y"}}',
        '{"v":2,"a":{"x":"y"}}',
        '{"v":"1","a":{"x":"y"}}',
        '{"v":0,"a":{"x":"y"}}',
        '{"v":1}',
        '{"v":1,"a":null}',
        '{"v":1,"a":"text"}',
      ]) {
        expect(decode(raw), String(raw)).to.equal(null);
      }
    });

    it('drops values that are not text, and keeps the rest', () => {
      expect(decode('{"v":1,"a":{"x":"kept","n":3,"o":null,"b":true,"l":["no"],"m":{"no":1}}}')).to.deep.equal({ x: 'kept' });
      expect(decode('{"v":1,"a":{}}')).to.deep.equal({});
    });
  });

  describe('saver', () => {
    const counter = () => {
      const calls: number[] = [];
      const start = performance.now();
      return { calls, save: () => calls.push(performance.now() - start) };
    };

    it('saves once, after a pause of `wait` ms', async () => {
      const { calls, save } = counter();
      const s = saver(save, 60, 1000);
      s.schedule();
      s.schedule();
      expect(s.pending).to.equal(true);
      await aTimeout(30);
      s.schedule();
      await aTimeout(40);
      expect(calls, 'the pause restarted with the last ask').to.have.length(0);
      await aTimeout(60);
      expect(calls).to.have.length(1);
      expect(calls[0]).to.be.at.least(85);
      expect(s.pending).to.equal(false);
    });

    it('never waits longer than `maxWait` after the first ask, however steady the asking', async () => {
      const { calls, save } = counter();
      const s = saver(save, 50, 150);
      const end = performance.now() + 480;
      while (performance.now() < end) {
        s.schedule();
        await aTimeout(10);
      }
      // Steady asking for 480 ms with maxWait 150: three saves, never four, never none.
      expect(calls.length).to.be.within(2, 3);
      expect(calls[0]).to.be.within(140, 230);
      await aTimeout(100);
      expect(calls.length, 'and one after the asking stopped').to.be.within(3, 4);
      expect(s.pending).to.equal(false);
    });

    it('flush saves a pending save at once, and only one', async () => {
      const { calls, save } = counter();
      const s = saver(save, 50, 150);
      s.flush();
      expect(calls, 'nothing pending, nothing saved').to.have.length(0);
      s.schedule();
      s.flush();
      expect(calls).to.have.length(1);
      expect(s.pending).to.equal(false);
      s.flush();
      await aTimeout(80);
      expect(calls, 'the timer of the flushed save does not fire').to.have.length(1);
    });

    it('cancel drops a pending save', async () => {
      const { calls, save } = counter();
      const s = saver(save, 30, 100);
      s.schedule();
      s.cancel();
      expect(s.pending).to.equal(false);
      await aTimeout(60);
      s.flush();
      expect(calls).to.have.length(0);
    });

    it('waits 400 ms by default, and at most 1000 ms', async function () {
      this.timeout(4000);
      const { calls, save } = counter();
      const s = saver(save);
      s.schedule();
      await aTimeout(300);
      expect(calls).to.have.length(0);
      await aTimeout(200);
      expect(calls).to.have.length(1);

      const steady = counter();
      const t = saver(steady.save);
      const end = performance.now() + 1250;
      while (performance.now() < end) {
        t.schedule();
        await aTimeout(100);
      }
      expect(steady.calls).to.have.length(1);
      expect(steady.calls[0]).to.be.within(950, 1150);
      t.cancel();
    });
  });
});
