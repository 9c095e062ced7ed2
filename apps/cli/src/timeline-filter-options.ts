import { TIMELINE_TIME_FORMAT, TimelineFilter, timelineFilterOf } from '@shoplink/shops';
import { CliError, EXIT, OptionsConfig, ParsedArgs } from './cli-command';

/** The filters of GET /v1/shops/:shopId/history (and its export), as options of `history` and `export`. */
export const TIMELINE_FILTER_OPTIONS: OptionsConfig = {
  type: { type: 'string', multiple: true },
  from: { type: 'string' },
  to: { type: 'string' },
  actor: { type: 'string' },
};

export const TIMELINE_FILTER_USAGE = '[--type <EventType>]… [--from <time>] [--to <time>] [--actor <kind:id>]';

export const TIMELINE_FILTER_HELP: readonly string[] = [
  '  --type <EventType>  only events of this type (repeatable, or comma-separated as the route takes them)',
  '  --from <time>       only events that occurred at or after it (inclusive)',
  '  --to <time>         only events that occurred before it (exclusive)',
  `                      a time is ${TIMELINE_TIME_FORMAT}`,
  '  --actor <kind:id>   only what this actor did, e.g. member:m-17 (kind member, support or system)',
  'The filters are those of the history route, read by the same code (timelineFilterOf); all of them apply together.',
];

/** The filter the options name, or a usage error (exit 2) naming every bad option, as the route's 400 does. */
export function timelineFilterFromArgs(values: ParsedArgs['values']): TimelineFilter {
  const typeValues = values.type as string[] | undefined;
  const types = typeValues === undefined ? undefined : typeValues.flatMap((t) => t.split(',')).filter((t) => t !== '');
  const text = (name: string) => (typeof values[name] === 'string' ? values[name] : undefined);
  const { value, problems } = timelineFilterOf({ types, from: text('from'), to: text('to'), actor: text('actor') });
  if (problems.length > 0) {
    const message = problems.length === 1 ? `--${problems[0].field}: ${problems[0].message}` : 'Bad filters:';
    throw new CliError(
      EXIT.usage,
      'USAGE',
      message,
      problems.length === 1 ? [] : problems.map((p) => ({ code: p.code, message: `--${p.field}: ${p.message}` })),
    );
  }
  return value;
}
