export * from './placement';
export * from './capacity';
export * from './vm-factory';
export {
  ConnectOptions, ContainerWorkloadOptions, DockerTierOptions, FlowSide, HybridArchitecture, HybridArchitectureProps, HybridReview, IHybridWorkload,
  KubernetesTierOptions, NetworkFlow, VmWorkloadOptions, WorkloadOptions,
} from './architecture';
