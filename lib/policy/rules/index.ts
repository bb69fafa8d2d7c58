export * from './undecidable-control';
export * from './not-decidable';
export * from './docker';
export * from './vsphere';
