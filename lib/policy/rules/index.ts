export * from './undecidable-control';
export * from './not-decidable';
export { KUBERNETES_NOT_DECIDABLE } from './kubernetes/not-decidable';
export * from './docker';
export * from './vsphere';
export * from './virtualbox';
