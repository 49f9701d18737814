export * from './lib/nit';
