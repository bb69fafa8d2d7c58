export * from './l1';
export * from './virtualbox-vm';
