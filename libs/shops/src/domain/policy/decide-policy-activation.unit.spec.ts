import { DEFAULT_SHOP_POLICY } from '../shop-policy';
import {
  decidePolicyActivation,
  EMPTY_POLICY_HISTORY,
  evolvePolicyHistory,
  PolicyHistory,
  PolicyVersionReusedError,
} from './decide-policy-activation';
import { PolicyDocument } from './policy-document';
import { PolicyEvent } from './policy.events';

const NOW = new Date('2026-12-01T08:00:00.000Z');
const documentOf = (version: string): PolicyDocument => ({
  version,
  defaults: DEFAULT_SHOP_POLICY,
  markets: { GB: { currency: 'GBP', overrides: {} } },
});
const historyOf = (...events: PolicyEvent[]): PolicyHistory => events.reduce(evolvePolicyHistory, EMPTY_POLICY_HISTORY);
const activate = (history: PolicyHistory, version: string, hash: string) => decidePolicyActivation(history, documentOf(version), hash, NOW);

describe('decidePolicyActivation', () => {
  it('records the first policy, naming no previous version', () => {
    expect(activate(EMPTY_POLICY_HISTORY, '1', 'h1')).toEqual([
      {
        type: 'PolicyVersionActivated',
        data: { version: '1', contentHash: 'h1', policy: documentOf('1'), activatedAt: NOW.toISOString(), previousVersion: null },
      },
    ]);
  });

  it('records nothing when the same version with the same content is already in force (a restart)', () => {
    const history = historyOf(...activate(EMPTY_POLICY_HISTORY, '1', 'h1'));
    expect(activate(history, '1', 'h1')).toEqual([]);
  });

  it('records a new version, naming the one it follows', () => {
    const history = historyOf(...activate(EMPTY_POLICY_HISTORY, '1', 'h1'));
    expect(activate(history, '2', 'h2')).toMatchObject([{ data: { version: '2', contentHash: 'h2', previousVersion: '1' } }]);
  });

  it('records an earlier version again when it comes back with its recorded content (1, 2, then 1)', () => {
    const first = activate(EMPTY_POLICY_HISTORY, '1', 'h1');
    const history = historyOf(...first, ...activate(historyOf(...first), '2', 'h2'));
    expect(activate(history, '1', 'h1')).toMatchObject([{ data: { version: '1', previousVersion: '2' } }]);
  });

  it('refuses a version recorded before with other content, in force or not', () => {
    const first = activate(EMPTY_POLICY_HISTORY, '1', 'h1');
    const history = historyOf(...first, ...activate(historyOf(...first), '2', 'h2'));
    expect(() => activate(history, '2', 'other')).toThrow(PolicyVersionReusedError);
    expect(() => activate(history, '1', 'other')).toThrow('policy version 1 was recorded with other content (sha256 h1, this file other)');
  });
});
