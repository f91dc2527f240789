export * from './masking';
export * from './register';
export * from './upsert';
export * from './layout';
export * from './overdue';
export * from './answerErrors';
export * from './corrections';
export * from './registerRead';
