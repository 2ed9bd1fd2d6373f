import { expect } from '@open-wc/testing';
import { POLICY_NAME, trustedPolicy } from '../src/shared/trusted-types.js';

describe('trustedPolicy', () => {
  it('creates the gentle-widgets policy once and returns the same one after', () => {
    const policy = trustedPolicy();
    expect(policy, 'Chromium has Trusted Types').to.exist;
    expect(trustedPolicy()).to.equal(policy);
    const value = policy!.createHTML('<feed/>');
    expect(String(value)).to.equal('<feed/>');
    expect(Object.prototype.toString.call(value)).to.equal('[object TrustedHTML]');
    expect(POLICY_NAME).to.equal('gentle-widgets');
  });
});
