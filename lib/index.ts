export * from './core';
export * from './policy';
export * from './container';
export * from './vm';
export * from './kubernetes';
export * from './hybrid';
