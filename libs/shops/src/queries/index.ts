export * from './get-shop-status.query';
export * from './get-withdrawals.query';
export * from './get-account.query';
export * from './list-shops.query';
export * from './shop-list-queries';
export * from './shop-history.queries';
export * from './timeline-reader';
export * from './audit.queries';
