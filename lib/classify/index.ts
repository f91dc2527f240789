export * from './dictionary';
export * from './gazetteer';
export * from './classifier';
export * from './structure';
export * from './category';
