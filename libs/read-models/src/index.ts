export * from './read-model-store.port';
export * from './read-model-store.errors';
export * from './projection';
export * from './projector';
export * from './rebuild-projections';
