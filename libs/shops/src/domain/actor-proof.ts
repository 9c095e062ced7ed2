/**
 * What a verified actor assertion proved about the person acting (member or support agent), as the
 * command path hands it to a decision and records it in the event's metadata: which identity
 * provider (`issuer`) vouched, for which sign-in (`jti`), by which methods (`amr`, RFC 8176) and when
 * (`authTime`). `secondFactorAgeSeconds` is how long ago, on the wall clock at the check, the person
 * proved a second factor; null when the methods hold none.
 */
export interface ActorProof {
  readonly issuer: string | null;
  readonly jti: string;
  readonly amr: readonly string[];
  readonly authTime: string;
  readonly secondFactorAgeSeconds: number | null;
}
