import { expect } from '@open-wc/testing';
import { safeUrl } from '../src/shared/url.js';

describe('safeUrl', () => {
  it('keeps http(s) URLs', () => {
    expect(safeUrl('https://example.org/a?b=1#c')).to.equal('https://example.org/a?b=1#c');
    expect(safeUrl('http://example.org/')).to.equal('http://example.org/');
  });

  it('resolves relative URLs against the base', () => {
    expect(safeUrl('/stories/a', { base: 'https://blog.example/posts/x' })).to.equal('https://blog.example/stories/a');
    expect(safeUrl('b.html', { base: 'https://blog.example/posts/x' })).to.equal('https://blog.example/posts/b.html');
    expect(safeUrl('/x')).to.equal(new URL('/x', document.baseURI).href);
  });

  it('refuses script and data URLs, however they are disguised', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0000javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'blob:https://example.org/uuid',
      'file:///etc/passwd',
    ]) {
      expect(safeUrl(bad), bad).to.equal(null);
    }
  });

  it('refuses empty and unparseable input', () => {
    expect(safeUrl(null)).to.equal(null);
    expect(safeUrl(undefined)).to.equal(null);
    expect(safeUrl('   ')).to.equal(null);
    expect(safeUrl('http://')).to.equal(null);
    expect(safeUrl('https://[::1')).to.equal(null);
  });

  it('allows tel: and mailto: only where a link is meant for them', () => {
    expect(safeUrl('tel:116123')).to.equal(null);
    expect(safeUrl('tel:116123', { allow: ['tel:'] })).to.equal('tel:116123');
    expect(safeUrl('mailto:hello@example.org', { allow: ['tel:'] })).to.equal(null);
    expect(safeUrl('mailto:hello@example.org', { allow: ['mailto:'] })).to.equal('mailto:hello@example.org');
  });

  it('with httpsOnly, allows plain http on localhost only', () => {
    expect(safeUrl('https://calendly.com/x', { httpsOnly: true })).to.equal('https://calendly.com/x');
    expect(safeUrl('http://calendly.com/x', { httpsOnly: true })).to.equal(null);
    expect(safeUrl('http://localhost:3000/x', { httpsOnly: true })).to.equal('http://localhost:3000/x');
    expect(safeUrl('http://127.0.0.1:8080/x', { httpsOnly: true })).to.equal('http://127.0.0.1:8080/x');
    expect(safeUrl('tel:1', { httpsOnly: true, allow: ['tel:'] })).to.equal(null);
  });
});
