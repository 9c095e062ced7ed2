export * from './personal-data-keys.port';
export * from './personal-data-vault';
export * from './personal-data-sealing-event-store';
export * from './sealed-value';
export * from './personal-data-sealing-snapshot-store';
