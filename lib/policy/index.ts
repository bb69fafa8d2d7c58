export * from './suppressions';
