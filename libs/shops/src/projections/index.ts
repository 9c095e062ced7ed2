export * from './shop-status.document';
export * from './shop-status.projection';
export * from './account.projection';
export * from './withdrawals.projection';
