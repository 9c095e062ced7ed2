import { parseConnectionString } from '@kurrent/kurrentdb-client/dist/Client/parseConnectionString';

/**
 * What is wrong with a KurrentDB connection string, in the client's own words, or null when it
 * parses (`kurrentdb://host:2113?tls=false`, `kurrentdb+discover://...`, `esdb://...`). Parsing
 * does not connect: a server that is down is a readiness matter, not a configuration error.
 */
export function kurrentDbUrlProblem(url: string): string | null {
  try {
    const options = parseConnectionString(url);
    if (options.hosts.length === 0) return 'names no host';
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
