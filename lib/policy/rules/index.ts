export * from './undecidable-control';
export * from './not-decidable';
export { KUBERNETES_NOT_DECIDABLE } from './kubernetes';
export * from './docker';
export * from './vsphere';
export { HYPERV_RULES } from './hyperv';
export * from './virtualbox';
