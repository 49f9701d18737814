export * from './lib/nit';
export * from './lib/size-class';
export * from './lib/women-led';
