export * from './domain/account.events';
export * from './domain/account-claims.state';
export * from './domain/decide-account-claim';
export * from './application/account-claims.service';
export * from './codec/account-event-codec';
