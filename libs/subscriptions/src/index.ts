export * from './signature';
export * from './backoff';
export * from './delivery-decision';
export * from './destination-allow-list';
