export * from './dictionary';
export * from './gazetteer';
export * from './classifier';
export * from './structure';
export * from './model';
export { createPlaceMatcher, nameStem, withinOneEdit } from './places';
export * from './category';
