import { lookup } from 'node:dns/promises';
import { request as httpRequest, RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, LookupFunction } from 'node:net';
import { DeliveryOutcome, DestinationAllowList, isDestinationAllowed, isDelivered } from '@shoplink/subscriptions';

/** A receiver's answer is read up to this many bytes, for the attempt log; the rest is never read. */
export const RESPONSE_CAP_BYTES = 16 * 1024;

export class DestinationRefusedError extends Error {}

/**
 * The address Shoplink will connect to for `url`: resolved now and checked against the allow-list,
 * every resolved address (so a name resolving to one public and one private address is refused).
 */
export async function resolveDestination(url: URL, allowList: DestinationAllowList): Promise<{ address: string; family: 4 | 6 }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = isIP(host) !== 0 ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0) throw new DestinationRefusedError(`${url.host} does not resolve`);
  const refused = addresses.find((a) => !isDestinationAllowed(host, a.address, allowList));
  if (refused)
    throw new DestinationRefusedError(
      `${url.host} resolves to ${refused.address}, which SHOPLINK_WEBHOOK_ALLOWED_DESTINATIONS does not allow`,
    );
  return { address: addresses[0].address, family: addresses[0].family === 6 ? 6 : 4 };
}

/**
 * One delivery: POST with the resolved address pinned for the connection (the name is not resolved
 * again between the check and the call, so DNS cannot swap in an internal address), TLS still
 * checked against the host name, no redirect followed, the whole exchange bounded by `timeoutMs`.
 */
export async function sendWebhook(
  url: URL,
  body: string,
  headers: Record<string, string>,
  allowList: DestinationAllowList,
  timeoutMs: number,
): Promise<DeliveryOutcome> {
  let pinned: { address: string; family: 4 | 6 };
  try {
    pinned = await resolveDestination(url, allowList);
  } catch (error) {
    return { ok: false, statusCode: null, error: error instanceof Error ? error.message : String(error) };
  }
  const pinnedLookup = ((_host: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as unknown as LookupFunction;
  const options: RequestOptions = {
    method: 'POST',
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port: url.port || undefined,
    path: `${url.pathname}${url.search}`,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'Shoplink-Webhooks',
      ...headers,
    },
    lookup: pinnedLookup,
    agent: false,
  };
  return new Promise<DeliveryOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: DeliveryOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(options, (res) => {
      const statusCode = res.statusCode ?? 0;
      let received = 0;
      res.on('data', (chunk: Buffer) => {
        received += chunk.length;
        // Beyond the cap the answer is not read: the status line already decided the outcome.
        if (received > RESPONSE_CAP_BYTES) res.destroy();
      });
      const done = (): void =>
        finish(isDelivered(statusCode) ? { ok: true, statusCode } : { ok: false, statusCode, error: `HTTP ${statusCode}` });
      res.on('end', done);
      res.on('close', done);
      res.on('error', done);
    });
    const timer = setTimeout(() => {
      req.destroy(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    req.on('error', (error) => finish({ ok: false, statusCode: null, error: error.message }));
    req.end(body);
  });
}
