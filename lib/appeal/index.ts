export * from './types';
export * from './schema';
export * from './validate';
export * from './build';
export * from './routed';
