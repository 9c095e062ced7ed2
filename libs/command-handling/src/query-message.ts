/**
 * What travels on the query bus: a named question with its parameters. `R` is what its handler
 * answers; `resultType` is never set, it only carries `R` so an asker gets a typed answer.
 */
export interface QueryMessage<R = unknown> {
  readonly queryType: string;
  readonly resultType?: R;
}
