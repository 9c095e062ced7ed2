/**
 * The actors a calling service may assert in X-Actor, as its token's `actors` claim names them:
 * `member` (any shop member, proven by an actor assertion), `support` (any support agent, proven the
 * same way), `system:<name>` one by one (the KYB service alone is `system:kyb`), or `system:*`, every
 * system actor, for local use only. A token grants no actor it does not name; a token without the
 * claim grants none.
 */
export const ACTOR_GRANT_PATTERN = /^(member|support|system:(\*|[a-z0-9][a-z0-9._-]{0,63}))$/;

/** What `--actors all` grants: every kind of actor. For a developer's machine, never a deployment. */
export const ALL_ACTOR_GRANTS: readonly string[] = ['member', 'support', 'system:*'];

export const isActorGrant = (value: string): boolean => ACTOR_GRANT_PATTERN.test(value);

/** Whether grants holding these entries let a service act as `actor`. */
export function grantsActor(grants: ReadonlySet<string>, actor: { readonly kind: string; readonly id: string }): boolean {
  if (actor.kind === 'member' || actor.kind === 'support') return grants.has(actor.kind);
  if (actor.kind === 'system') return grants.has(`system:${actor.id}`) || grants.has('system:*');
  return false;
}

/** A calling service named an actor its token does not grant: refused before anything is decided. */
export class ActorNotGrantedError extends Error {
  readonly code = 'FORBIDDEN_ACTOR';
  constructor(
    readonly actor: string,
    readonly service: string,
  ) {
    super(`Service ${service} may not act as ${actor}: its token's actors claim does not grant it`);
    this.name = 'ActorNotGrantedError';
  }

  /** The grant that would allow it: `member`, `support`, or the system actor itself. */
  get neededGrant(): string {
    const kind = this.actor.split(':')[0];
    return kind === 'system' ? this.actor : kind;
  }
}
