export * from './mail-catcher';
export * from './test-app';
export * from './test-database';
export * from './accounts';
export * from './tenders';
export * from './suppliers';
export * from './ocds-validation';
