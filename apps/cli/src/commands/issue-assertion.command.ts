import {
  ActorAssertionKeysError,
  AssertedActorKind,
  issueActorAssertion,
  loadActorAssertionKeys,
  loadActorAssertionSecret,
  MAX_ACTOR_ASSERTION_LIFETIME_SECONDS,
} from '@shoplink/service-auth';
import { CliCommand, CliError, EXIT, usageError } from '../cli-command';

const DURATION = /^(\d{1,4})([sm])$/;
const SECONDS_PER: Record<string, number> = { s: 1, m: 60 };
const PASSWORD_ONLY = ['pwd'];
const PASSWORD_AND_ONE_TIME_CODE = ['pwd', 'otp'];

/**
 * `issue-assertion --member <id> | --support <id> [--mfa]`: an actor assertion for local use,
 * signed with the HS256 secret the service trusts outside production (SHOPLINK_ACTOR_ASSERTION_SECRET,
 * else the file beside the data file), as an identity provider would sign one. Prints the
 * assertion only, so `ASSERTION=$(… issue-assertion …)` works.
 */
export const issueAssertionCommand: CliCommand = {
  name: 'issue-assertion',
  summary: 'Issue an actor assertion (for local use and tests) that a member or support agent signed in',
  usage: 'issue-assertion (--member <id> | --support <id>) [--mfa] [--ttl <5m|600s>]',
  help: [
    '  --member <id>     a shop member, as X-Actor member:<id> names them',
    '  --support <id>    a support agent, as X-Actor support:<id> names them',
    '  --mfa             signed in with a second factor: amr ["pwd","otp"]; without it, ["pwd"] (a password only)',
    `  --ttl <duration>  lifetime, default 10m, at most ${MAX_ACTOR_ASSERTION_LIFETIME_SECONDS / 60}m`,
    '  --json            {"assertion", "actor", "amr", "authTime", "expiresAt"}',
    'The person authenticated now (auth_time). Send it as X-Actor-Assertion beside X-Actor.',
    'Signed with SHOPLINK_ACTOR_ASSERTION_SECRET when set, else with the secret file beside the data file (created if',
    'absent), which is what `npm start` verifies with. Refused when SHOPLINK_ACTOR_ASSERTION_JWKS is set or',
    'NODE_ENV=production: the service then accepts only assertions signed by the identity provider.',
  ],
  options: { member: { type: 'string' }, support: { type: 'string' }, mfa: { type: 'boolean' }, ttl: { type: 'string' } },
  positionals: { min: 0, max: 0, names: [] },
  async run({ values }, context) {
    const member = values.member;
    const support = values.support;
    if ((typeof member === 'string') === (typeof support === 'string'))
      throw usageError('issue-assertion needs exactly one of --member <id> and --support <id>');
    const kind: AssertedActorKind = typeof member === 'string' ? 'member' : 'support';
    const id = (typeof member === 'string' ? member : support) as string;
    const ttlText = typeof values.ttl === 'string' ? values.ttl : '10m';
    const ttl = DURATION.exec(ttlText);
    const ttlSeconds = ttl === null ? NaN : Number(ttl[1]) * SECONDS_PER[ttl[2]];
    if (!(ttlSeconds > 0 && ttlSeconds <= MAX_ACTOR_ASSERTION_LIFETIME_SECONDS))
      throw usageError(`--ttl must be like 5m or 90s, at most ${MAX_ACTOR_ASSERTION_LIFETIME_SECONDS / 60}m`);
    let secret;
    try {
      // The service's own rules decide: a JWKS (or production) means a local secret would sign assertions nobody accepts.
      const trusted = loadActorAssertionKeys(context.env, context.dataFile);
      if (trusted.keys.kind !== 'secret')
        throw new CliError(
          EXIT.usage,
          'ACTOR_ASSERTION_KEYS',
          `The service verifies actor assertions with ${trusted.source}; only the identity provider can sign them (unset SHOPLINK_ACTOR_ASSERTION_JWKS for local use)`,
        );
      secret = loadActorAssertionSecret(context.env, context.dataFile);
    } catch (error) {
      if (error instanceof ActorAssertionKeysError)
        throw new CliError(EXIT.usage, 'ACTOR_ASSERTION_KEYS', `${error.variable}: ${error.message}`);
      throw error;
    }
    const amr = values.mfa === true ? PASSWORD_AND_ONE_TIME_CODE : PASSWORD_ONLY;
    const now = new Date();
    let assertion;
    try {
      assertion = await issueActorAssertion(secret.key, { kind, id, amr, authTime: now, ttlSeconds, now });
    } catch (error) {
      if (error instanceof RangeError) throw usageError(error.message);
      throw error;
    }
    // The token's own seconds, so what is printed is exactly what the service will check.
    const issuedAt = Math.floor(now.getTime() / 1000) * 1000;
    if (context.json)
      await context.out(
        JSON.stringify({
          assertion,
          actor: `${kind}:${id}`,
          amr,
          authTime: new Date(issuedAt).toISOString(),
          expiresAt: new Date(issuedAt + ttlSeconds * 1000).toISOString(),
        }) + '\n',
      );
    else await context.out(assertion + '\n');
    return EXIT.ok;
  },
};
