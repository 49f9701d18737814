export * from './lib/api';
export * from './lib/health';
export * from './lib/problem';
export * from './lib/roles';
export * from './lib/navigation';
export * from './lib/locales';
export * from './lib/organizations';
export * from './lib/accounts';
