export * from './l1';
export * from './network-switch';
export * from './secure-vm';
export * from './vhd';
