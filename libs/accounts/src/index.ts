export * from './domain/account.events';
export * from './domain/account-claims.state';
export * from './domain/decide-account-claim';
export * from './domain/marketing-relink-allowance';
export * from './application/account-claims.service';
