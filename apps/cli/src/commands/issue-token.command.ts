import {
  ALL_ACTOR_GRANTS,
  ALL_SERVICE_SCOPES,
  isActorGrant,
  isServiceScope,
  issueServiceToken,
  loadTokenSecret,
  MAX_TOKEN_LIFETIME_SECONDS,
  SERVICE_SCOPES,
  TokenSecretError,
} from '@shoplink/service-auth';
import { CliCommand, CliError, EXIT, usageError } from '../cli-command';

const DURATION = /^(\d{1,7})([smhd])$/;
const SECONDS_PER: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * `issue-token --service <name> --scopes a,b`: a service token for local use, signed with the
 * secret the service verifies with (SHOPLINK_TOKEN_SECRET, else the file beside the data file).
 * Prints the token only, so `TOKEN=$(… issue-token …)` works.
 */
export const issueTokenCommand: CliCommand = {
  name: 'issue-token',
  summary: 'Issue a service token (for local use and tests) naming a calling service, its scopes and the actors it may assert',
  usage: 'issue-token --service <name> --scopes <scope,...|all> --actors <actor,...|all> [--ttl <30m|12h|7d>]',
  help: [
    '  --service <name>  the calling service, recorded in every event it causes (lower-case letters, digits, ".", "_", "-")',
    `  --scopes <list>   comma-separated, or "all"; one of: ${ALL_SERVICE_SCOPES.join(', ')}`,
    '  --actors <list>   who the service may act as in X-Actor, comma-separated: member, support, system:<name> (e.g. system:kyb),',
    `                    or "all" (${ALL_ACTOR_GRANTS.join(', ')}: every actor, for local use only)`,
    `  --ttl <duration>  lifetime, default 12h, at most ${MAX_TOKEN_LIFETIME_SECONDS / 86_400}d`,
    '  --json            {"token", "service", "scopes", "actors", "expiresAt"}',
    'Signed with SHOPLINK_TOKEN_SECRET when set, else with the secret file beside the data file (created if absent),',
    'which is what `npm start` verifies with.',
    ...ALL_SERVICE_SCOPES.map((scope) => `    ${scope.padEnd(22)}${SERVICE_SCOPES[scope]}`),
  ],
  options: { service: { type: 'string' }, scopes: { type: 'string' }, actors: { type: 'string' }, ttl: { type: 'string' } },
  positionals: { min: 0, max: 0, names: [] },
  async run({ values }, context) {
    const service = values.service;
    const scopesText = values.scopes;
    const actorsText = values.actors;
    if (typeof service !== 'string' || typeof scopesText !== 'string' || typeof actorsText !== 'string')
      throw usageError('issue-token needs --service <name>, --scopes <scope,...> and --actors <actor,...>');
    const requested = scopesText === 'all' ? ALL_SERVICE_SCOPES : listOf(scopesText);
    const unknown = requested.filter((s) => !isServiceScope(s));
    if (unknown.length > 0 || requested.length === 0)
      throw usageError(`Unknown or no scopes: ${unknown.join(', ') || '(none)'}; known: ${ALL_SERVICE_SCOPES.join(', ')}`);
    const actors = actorsText === 'all' ? ALL_ACTOR_GRANTS : listOf(actorsText);
    const badActors = actors.filter((a) => !isActorGrant(a));
    if (badActors.length > 0 || actors.length === 0)
      throw usageError(`Unknown or no actors: ${badActors.join(', ') || '(none)'}; use member, support, system:<name> or all`);
    const ttlText = typeof values.ttl === 'string' ? values.ttl : '12h';
    const ttl = DURATION.exec(ttlText);
    const ttlSeconds = ttl === null ? NaN : Number(ttl[1]) * SECONDS_PER[ttl[2]];
    if (!(ttlSeconds > 0 && ttlSeconds <= MAX_TOKEN_LIFETIME_SECONDS))
      throw usageError(`--ttl must be like 30m, 12h or 7d, at most ${MAX_TOKEN_LIFETIME_SECONDS / 86_400}d`);
    let secret;
    try {
      secret = loadTokenSecret(context.env, context.dataFile);
    } catch (error) {
      if (error instanceof TokenSecretError) throw new CliError(EXIT.usage, 'TOKEN_SECRET', error.message);
      throw error;
    }
    let token;
    try {
      token = await issueServiceToken(secret.key, { service, scopes: requested.filter(isServiceScope), actors, ttlSeconds });
    } catch (error) {
      if (error instanceof RangeError) throw usageError(error.message);
      throw error;
    }
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000).toISOString();
    if (context.json) await context.out(JSON.stringify({ token, service, scopes: requested, actors, expiresAt }) + '\n');
    else await context.out(token + '\n');
    return EXIT.ok;
  },
};

const listOf = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
