export * from './core';
export * from './policy';
export * from './kubernetes';
