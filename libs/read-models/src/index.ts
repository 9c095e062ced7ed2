export * from './read-model-store.port';
export * from './projection';
export * from './projector';
