import { BlockList, isIP } from 'node:net';

/**
 * SHOPLINK_WEBHOOK_ALLOWED_DESTINATIONS parsed: host names (exact, or `*.example.com` for its
 * subdomains) and CIDR networks (`10.1.0.0/16`, `127.0.0.1/32`, `fd00::/8`).
 */
export interface DestinationAllowList {
  readonly hosts: readonly string[];
  readonly networks: BlockList;
  readonly empty: boolean;
}

export class AllowListError extends Error {}

export function parseAllowList(text: string | undefined): DestinationAllowList {
  const hosts: string[] = [];
  const networks = new BlockList();
  const entries = (text ?? '')
    .split(',')
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== '');
  for (const entry of entries) {
    const slash = entry.indexOf('/');
    if (slash >= 0) {
      const address = entry.slice(0, slash);
      const prefix = Number(entry.slice(slash + 1));
      const family = isIP(address);
      if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128) || entry.slice(slash + 1) === '')
        throw new AllowListError(`"${entry}" is not a CIDR network (like 10.0.0.0/8 or fd00::/8)`);
      networks.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
    } else if (isIP(entry) !== 0) {
      networks.addAddress(entry, isIP(entry) === 4 ? 'ipv4' : 'ipv6');
    } else if (/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(entry)) {
      hosts.push(entry);
    } else {
      throw new AllowListError(`"${entry}" is neither a host name nor a CIDR network`);
    }
  }
  return { hosts, networks, empty: entries.length === 0 };
}

/**
 * Addresses a receiver outside Shoplink's own network never has: loopback, private, link-local
 * (cloud metadata at 169.254.169.254), carrier-grade NAT, unique-local, unspecified, multicast.
 * A webhook to one of them would let a subscriber probe the internal network (SSRF).
 */
const SPECIAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  SPECIAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  SPECIAL.addSubnet(network, prefix, 'ipv6');

export function isSpecialAddress(address: string): boolean {
  // An IPv4-mapped IPv6 address (::ffff:127.0.0.1) reaches the IPv4 address it carries.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isSpecialAddress(mapped[1]);
  const family = isIP(address);
  return family !== 0 && SPECIAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Whether Shoplink may connect to `address` (what `host` resolved to). A loopback or private
 * address only when a listed network covers it: listing a host name is not enough, or a name
 * whose DNS later points at 127.0.0.1 would reach internal services. Otherwise, with an empty
 * list any public address; with a list, a listed host or an address in a listed network.
 */
export function isDestinationAllowed(host: string, address: string, list: DestinationAllowList): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  const inListedNetwork = list.networks.check(address, family === 4 ? 'ipv4' : 'ipv6');
  if (isSpecialAddress(address)) return inListedNetwork;
  if (list.empty) return true;
  return inListedNetwork || hostListed(host.toLowerCase().replace(/^\[|\]$/g, ''), list.hosts);
}

function hostListed(host: string, hosts: readonly string[]): boolean {
  return hosts.some((listed) => (listed.startsWith('*.') ? host.endsWith(listed.slice(1)) : host === listed));
}

/** The URL's own problems (before any DNS): an absolute http(s) URL without credentials. Null when fine. */
export function urlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be http or https';
  if (url.username !== '' || url.password !== '') return 'must not carry credentials';
  if (url.hash !== '') return 'must not carry a fragment';
  return null;
}
