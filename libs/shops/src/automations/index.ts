export * from './overdue-requests';
export * from './expire-overdue-requests';
