import { RefusalKind } from '@shoplink/shops';

const STATUS_OF: Readonly<Record<RefusalKind, number>> = { not_found: 404, forbidden: 403, conflict: 409, rule: 422, step_up: 403 };

export const statusOfRefusal = (kind: RefusalKind): number => STATUS_OF[kind];
