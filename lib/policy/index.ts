export * from './rule';
export * from './suppressions';
export * from './rules';
