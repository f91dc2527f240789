export * from './masking';
export * from './register';
export * from './upsert';
