export * from './vm-spec';
export * from './virtual-machine';
export * from './vsphere';
export * from './hyperv';
export * from './virtualbox';
