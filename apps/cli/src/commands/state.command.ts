import { AuditedShop, INSTANT_FORMAT, parseInstant, ReplayPoint, shopStateAsOf, ShopStateAsOf } from '@shoplink/shops';
import { CliCommand, EXIT, usageError } from '../cli-command';
import { printable } from '../printable';

/**
 * `state <shopId> --as-of <time> | --revision <n>`: the shop rebuilt by replaying the domain's own
 * evolve over its stream, exactly as GET /v1/audit/shops/:shopId/state answers it.
 */
export const stateCommand: CliCommand = {
  name: 'state',
  summary: 'The shop as it was at a moment or a revision, rebuilt by replaying its events',
  usage: 'state <shopId> (--as-of <time> | --revision <n>)',
  help: [
    `  --as-of <time>   replay the events that occurred (metadata.occurredAt) at or before it: ${INSTANT_FORMAT}`,
    '  --revision <n>   replay the events up to and including this revision of the shop stream',
    'Names the event it stopped at and the next one. Open unlink requests are shown without their code hashes.',
    'Exit 4 when the shop is not in the log, was not yet registered at that moment, or has no such revision.',
    'The hash chain of the events replayed is checked: when it breaks (an event altered, inserted or reordered) the',
    'state is still printed, with a warning on stderr, and the exit is 5; an event removed before the point is',
    'refused (no such state existed), also exit 6.',
    '  --json           the answer of GET /v1/audit/shops/:shopId/state (with integrity and warnings)',
  ],
  options: { 'as-of': { type: 'string' }, revision: { type: 'string' } },
  positionals: { min: 1, max: 1, names: ['shopId'] },
  async run({ values, positionals }, context) {
    const [shopId] = positionals;
    const point = replayPointOf(values['as-of'], values.revision);
    const replayed = await shopStateAsOf(context.openAuditStores().readable(), shopId, point);
    const asked = 'asOf' in point ? { asOf: point.asOf.toISOString() } : { revision: point.revision };
    if (context.json) {
      const { shopId: id, streamId, stoppedAt, nextEvent, eventsApplied, lastRevision, state, integrity, warnings } = replayed;
      const answer = { shopId: id, streamId, ...asked, stoppedAt, nextEvent, eventsApplied, lastRevision, state, integrity, warnings };
      await context.out(JSON.stringify(answer, null, 2) + '\n');
    } else {
      await context.out(describe(replayed, 'asOf' in asked ? `as of ${asked.asOf}` : `at revision ${asked.revision}`));
    }
    for (const warning of replayed.warnings) context.err(`WARNING: ${printable(warning)}\n`);
    return replayed.integrity.intact ? EXIT.ok : EXIT.brokenChain;
  },
};

function replayPointOf(asOf: unknown, revision: unknown): ReplayPoint {
  if ((asOf === undefined) === (revision === undefined)) throw usageError('Give exactly one of --as-of <time> and --revision <n>');
  if (typeof asOf === 'string') {
    const instant = parseInstant(asOf);
    if (instant === null) throw usageError(`--as-of must be ${INSTANT_FORMAT}; got "${asOf}"`);
    return { asOf: instant };
  }
  if (typeof revision !== 'string' || !/^(0|[1-9][0-9]{0,14})$/.test(revision))
    throw usageError(`--revision must be a whole number from 0; got "${String(revision)}"`);
  return { revision: Number(revision) };
}

function describe(replayed: ShopStateAsOf, when: string): string {
  const { stoppedAt, nextEvent, state } = replayed;
  const lines = [
    `Shop ${replayed.shopId} ${when}: ${replayed.eventsApplied} event${replayed.eventsApplied === 1 ? '' : 's'} of ${replayed.streamId} replayed`,
    `Stopped at: revision ${stoppedAt.revision}, ${stoppedAt.type}, occurred ${stoppedAt.occurredAt} (position ${stoppedAt.position})`,
    nextEvent === null
      ? `Next event: none (the stream ends at revision ${replayed.lastRevision}: this is the current state)`
      : `Next event: revision ${nextEvent.revision}, ${nextEvent.type}, occurred ${nextEvent.occurredAt} (the stream ends at revision ${replayed.lastRevision})`,
    replayed.integrity.firstProblem === null
      ? `Hash chain: intact through revision ${replayed.integrity.checkedThrough}`
      : `Hash chain: BROKEN at revision ${replayed.integrity.firstProblem.revision} (${replayed.integrity.firstProblem.kind})`,
    '',
    ...table(state),
    '',
  ];
  return lines.join('\n');
}

function table(shop: AuditedShop): string[] {
  const list = (items: string[]) => (items.length === 0 ? 'none' : items.join(', '));
  const links = Object.values(shop.links).map(
    (l) =>
      `@${l.handle} (${l.accountId}) ${l.role} ${l.state === 'linked' ? `linked since ${l.linkedAt}` : `awaiting authorization until ${l.authorizationExpiresAt}`}`,
  );
  const unlinks = Object.values(shop.unlinkRequests).map(
    (r) => `${r.requestId} for ${r.accountId} (${r.reason}), expires ${r.expiresAt}, ${r.failedAttempts} failed tries`,
  );
  const rows: [string, string][] = [
    ['name', `${shop.name} (${shop.kind}, ${shop.region}, ${shop.currency})`],
    [
      'status',
      `${shop.status}${shop.deactivatedAt ? ` since ${shop.deactivatedAt}` : ''}, stage ${shop.stage}, verification ${shop.verification}`,
    ],
    ['owner', shop.ownerMemberId],
    ['members', list(Object.entries(shop.members).map(([id, role]) => `${id} ${role}`))],
    ['links', list(links)],
    ['unlink requests', list(unlinks)],
    ['official unlinks', String(shop.officialUnlinkCount)],
    [
      'money',
      `available ${shop.money.available}, pending withdrawal ${shop.money.pendingWithdrawal}, frozen ${shop.money.frozen} (${shop.currency} minor units)`,
    ],
    ['orders awaiting', list(Object.keys(shop.orders).filter((id) => shop.orders[id] === 'awaiting_fulfilment'))],
    ['active campaigns', list(Object.keys(shop.campaigns).filter((id) => shop.campaigns[id].state === 'active'))],
    ['open incidents', list(Object.keys(shop.incidents).filter((id) => shop.incidents[id] === 'open'))],
  ];
  return rows.map(([label, value]) => `  ${label.padEnd(18)}${printable(value)}`);
}
