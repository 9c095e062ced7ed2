export * from './feed-event';
export * from './get-feed-page.query';
