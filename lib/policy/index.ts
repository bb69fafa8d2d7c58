export * from './rule';
export * from './suppressions';
