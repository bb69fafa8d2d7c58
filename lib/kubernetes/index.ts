export * from './hardened-namespace';
export * from './sandbox-runtime-class';
export * from './hardened-workload';
export * from './hardened-deployment';
export * from './hardened-stateful-set';
export * from './hardened-cron-job';
export * from './config-map';
