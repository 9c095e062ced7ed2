/** Attribute names of our own spans; the correlation id is what ties a command's spans to its projection. */
export const CORRELATION_ID = 'shoplink.correlation_id';
export const CORRELATION_IDS = 'shoplink.correlation_ids';
export const COMMAND_TYPE = 'shoplink.command.type';
export const COMMAND_ID = 'shoplink.command.id';
export const CALLING_SERVICE = 'shoplink.calling_service';
export const STREAM = 'shoplink.stream';
export const REVISION = 'shoplink.revision';
export const OUTCOME = 'shoplink.outcome';
export const EVENT_COUNT = 'shoplink.event_count';
export const PROJECTION = 'shoplink.projection';
export const TRACER_NAME = 'shoplink';
