export * from './shop-status.document';
export * from './shop-status.projection';
export * from './shop-status.deactivation-facts';
export * from './account.projection';
export * from './withdrawals.projection';
export * from './timeline.projection';
export * from './timeline-query';
export * from './shop-read-models';
