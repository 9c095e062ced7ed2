export * from './durations';
export * from './windows';
