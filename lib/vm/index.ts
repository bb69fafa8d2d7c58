export * from './vm-spec';
export * from './virtual-machine';
export * from './vsphere';
