export * from './container-spec';
export * from './errors';
export * from './image-reference';
export * from './naming';
export * from './quantity';
export * from './removal-policy';
