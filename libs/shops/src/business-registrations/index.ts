export * from './business-registration.events';
export * from './business-registration-event-codec';
export * from './business-registration-claims';
