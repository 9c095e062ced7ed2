export * from './account-claim.workflow';
export * from './account-claim-steps';
export * from './account-claim-workflow.projection';
export * from './resume-account-claims';
export * from './link-supersession.workflow';
export * from './link-supersession-workflow.projection';
export * from './supersede-link-requests';
