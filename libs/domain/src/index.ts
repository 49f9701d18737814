export * from './lib/nit';
export * from './lib/size-class';
export * from './lib/women-led';
export * from './lib/rule-parameters';
export * from './lib/cuantia';
export * from './lib/national-products';
export * from './lib/profile-completeness';
