/**
 * The attacker of the flood benchmark, in a process of its own, so that sending the flood does not
 * slow the event loop of the client whose latency is measured: requests without a valid token, as
 * fast as the service answers them over many keep-alive connections from one address, half of
 * them with no token and half with a well-formed token signed with a secret the service does not
 * know (which, unthrottled, costs it a signature check each). Forked by flood.bench.ts with
 * `<port> <requests> <connections> <path>`: says when it is ready, floods when told to, and sends back
 * what was answered.
 */
import { ALL_ACTOR_GRANTS, ALL_SERVICE_SCOPES, issueServiceToken } from '@shoplink/service-auth';
import { BenchRequest, runLoad } from './http-load';

export interface FloodReport {
  readonly requests: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly statuses: Record<string, number>;
}

async function main(): Promise<void> {
  const [port, requests, connections, path] = process.argv.slice(2);
  const forged = await issueServiceToken(new TextEncoder().encode('a-secret-the-service-under-test-never-saw-0123'), {
    service: 'intruder',
    scopes: ALL_SERVICE_SCOPES,
    actors: ALL_ACTOR_GRANTS,
    ttlSeconds: 3600,
  });
  const bare: BenchRequest = { method: 'GET', path, headers: {} };
  const withForged: BenchRequest = { method: 'GET', path, headers: { authorization: `Bearer ${forged}` } };
  let sent = 0;
  // Ready once the token is signed; the flood starts when the benchmark says go, with its measuring client.
  await new Promise<void>((resolve) => {
    process.once('message', () => resolve());
    process.send!({ ready: true });
  });
  const result = await runLoad({
    port: Number(port),
    connections: Number(connections),
    durationMs: 600_000,
    maxRequests: Number(requests),
    next: () => (sent++ % 2 === 0 ? bare : withForged),
  });
  const report: FloodReport = {
    requests: result.requests,
    seconds: result.seconds,
    perSecond: result.perSecond,
    statuses: result.statuses,
  };
  // Closing the channel once the report is through lets the process end by itself.
  process.send!(report, () => process.disconnect());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
