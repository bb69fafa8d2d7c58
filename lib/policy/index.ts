export * from './rule';
export * from './suppressions';
export * from './finding';
export * from './packs';
export * from './checks';
export * from './rules';
