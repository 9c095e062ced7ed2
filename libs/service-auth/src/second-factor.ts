/**
 * The authentication methods (RFC 8176 `amr` values) that count as a factor beyond a password:
 * something the person holds or is, or the identity provider's own statement that several
 * factors were used.
 *
 * Not counted: `pwd`, `pin` and `kba` (more of what the person knows, the same factor as a
 * password), `rba`, `geo` and `wia` (signals about the request or the network, not proof by the
 * person), `user` (a presence test proves nobody in particular), `mca` (a second channel says
 * nothing of the factor carried on it: `sms` or `tel` say that). Values outside RFC 8176 such as
 * `fido` are not counted either: their meaning varies between providers, and a FIDO or passkey
 * login is reported with the registered `hwk` or `swk`.
 */
export const SECOND_FACTOR_METHODS: ReadonlySet<string> = new Set([
  /** One-time password (TOTP, HOTP, a code from an authenticator app). */
  'otp',
  /** Confirmation by SMS. */
  'sms',
  /** Confirmation by a telephone call. */
  'tel',
  /** Proof of possession of a hardware-secured key (security key, platform authenticator). */
  'hwk',
  /** Proof of possession of a software-secured key. */
  'swk',
  /** Smart card. */
  'sc',
  /** Biometrics: fingerprint, face, iris, retina, voice. */
  'fpt',
  'face',
  'iris',
  'retina',
  'vbm',
  /** The provider states that several factors were used, whichever they were. */
  'mfa',
]);

/** Whether the person proved more than a password: at least one method is in SECOND_FACTOR_METHODS (values are case-sensitive). */
export function hasSecondFactor(amr: readonly string[]): boolean {
  return amr.some((method) => SECOND_FACTOR_METHODS.has(method));
}
