/**
 * Who acts: a shop member (`member:m-17`), a support agent (`support:agent-4`) or a
 * system (`system:kyb`). The shop's access list decides what a member may do.
 */
export type ActorKind = 'member' | 'support' | 'system';

export interface Actor {
  readonly kind: ActorKind;
  readonly id: string;
}

export const ACTOR_KINDS: readonly ActorKind[] = ['member', 'support', 'system'];

export const formatActor = (actor: Actor): string => `${actor.kind}:${actor.id}`;
