export * from './container-network';
export * from './container-volume';
export * from './hardened-container';
export * from './image-scan-gate';
export * from './trusted-image';
