import { ActorNotGrantedError, grantsActor, isActorGrant } from './actor-grants';

describe('actor grants', () => {
  const grants = (...entries: string[]) => new Set(entries);

  it.each<[string, string[], string, boolean]>([
    ['a member grant covers every member', ['member'], 'member:m-17', true],
    ['but no support agent', ['member'], 'support:agent-4', false],
    ['a support grant covers every agent', ['support'], 'support:agent-4', true],
    ['a system actor is granted one by one', ['system:kyb'], 'system:kyb', true],
    ['and no other', ['system:kyb'], 'system:oauth-relay', false],
    ['nor any member', ['system:kyb'], 'member:m-17', false],
    ['system:* covers every system actor (local use)', ['system:*'], 'system:payouts', true],
    ['no grant covers nothing', [], 'system:kyb', false],
  ])('%s', (_, entries, actor, granted) => {
    const [kind, id] = actor.split(':');
    expect(grantsActor(grants(...entries), { kind, id })).toBe(granted);
  });

  it('knows the forms a grant takes', () => {
    expect(['member', 'support', 'system:kyb', 'system:oauth-relay', 'system:*'].every(isActorGrant)).toBe(true);
    expect(['members', 'member:m-1', 'system:', 'system:KYB', 'admin', ''].some(isActorGrant)).toBe(false);
  });

  it('names the grant a refused actor needs', () => {
    expect(new ActorNotGrantedError('system:kyb', 'seller-center').neededGrant).toBe('system:kyb');
    expect(new ActorNotGrantedError('member:m-17', 'seller-center').neededGrant).toBe('member');
  });
});
