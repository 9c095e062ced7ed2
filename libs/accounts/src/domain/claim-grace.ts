import { addSeconds, hasEnded } from '@shoplink/time';

/**
 * A claim its shop has not yet turned into a link counts as live for `graceSeconds` after it was
 * made (the shop may still append its link); once the grace has ended (at exactly its end) it
 * counts as abandoned unless the shop's stream shows the link.
 */
export const claimGraceEnded = (claimedAt: string, now: Date, graceSeconds: number): boolean =>
  hasEnded(addSeconds(new Date(claimedAt), graceSeconds), now);
