export * from './account-claim.workflow';
export * from './account-claim-steps';
export * from './account-claim-workflow.projection';
export * from './resume-account-claims';
