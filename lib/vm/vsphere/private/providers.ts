// The @cdktf/provider-vsphere classes the library constructs, each loaded on first use: loading every
// resource module up front made require('cdktf-hybrid') several times slower than require('cdktf'), and an
// app that builds no such resource never needs them. Types are imported for the compiler only.
/* eslint-disable @typescript-eslint/no-require-imports */
import { lazily } from '../../../core/private/lazily';
import type * as computeClusterVmAntiAffinityRuleModule from '@cdktf/provider-vsphere/lib/compute-cluster-vm-anti-affinity-rule';
import type * as contentLibraryModule from '@cdktf/provider-vsphere/lib/content-library';
import type * as contentLibraryItemModule from '@cdktf/provider-vsphere/lib/content-library-item';
import type * as dataVsphereComputeClusterModule from '@cdktf/provider-vsphere/lib/data-vsphere-compute-cluster';
import type * as dataVsphereContentLibraryModule from '@cdktf/provider-vsphere/lib/data-vsphere-content-library';
import type * as dataVsphereContentLibraryItemModule from '@cdktf/provider-vsphere/lib/data-vsphere-content-library-item';
import type * as dataVsphereDatacenterModule from '@cdktf/provider-vsphere/lib/data-vsphere-datacenter';
import type * as dataVsphereDatastoreModule from '@cdktf/provider-vsphere/lib/data-vsphere-datastore';
import type * as dataVsphereDistributedVirtualSwitchModule from '@cdktf/provider-vsphere/lib/data-vsphere-distributed-virtual-switch';
import type * as dataVsphereHostModule from '@cdktf/provider-vsphere/lib/data-vsphere-host';
import type * as dataVsphereHostPciDeviceModule from '@cdktf/provider-vsphere/lib/data-vsphere-host-pci-device';
import type * as dataVsphereNetworkModule from '@cdktf/provider-vsphere/lib/data-vsphere-network';
import type * as dataVsphereVirtualMachineModule from '@cdktf/provider-vsphere/lib/data-vsphere-virtual-machine';
import type * as distributedPortGroupModule from '@cdktf/provider-vsphere/lib/distributed-port-group';
import type * as distributedVirtualSwitchModule from '@cdktf/provider-vsphere/lib/distributed-virtual-switch';
import type * as drsVmOverrideModule from '@cdktf/provider-vsphere/lib/drs-vm-override';
import type * as haVmOverrideModule from '@cdktf/provider-vsphere/lib/ha-vm-override';
import type * as hostPortGroupModule from '@cdktf/provider-vsphere/lib/host-port-group';
import type * as hostVirtualSwitchModule from '@cdktf/provider-vsphere/lib/host-virtual-switch';
import type * as resourcePoolModule from '@cdktf/provider-vsphere/lib/resource-pool';
import type * as virtualMachineModule from '@cdktf/provider-vsphere/lib/virtual-machine';
import type * as virtualMachineSnapshotModule from '@cdktf/provider-vsphere/lib/virtual-machine-snapshot';

/** Provider classes of @cdktf/provider-vsphere, required when first read. */
export const vsphere = lazily({
  ComputeClusterVmAntiAffinityRule: () => (require('@cdktf/provider-vsphere/lib/compute-cluster-vm-anti-affinity-rule') as typeof computeClusterVmAntiAffinityRuleModule).ComputeClusterVmAntiAffinityRule,
  ContentLibrary: () => (require('@cdktf/provider-vsphere/lib/content-library') as typeof contentLibraryModule).ContentLibrary,
  ContentLibraryItem: () => (require('@cdktf/provider-vsphere/lib/content-library-item') as typeof contentLibraryItemModule).ContentLibraryItem,
  DataVsphereComputeCluster: () => (require('@cdktf/provider-vsphere/lib/data-vsphere-compute-cluster') as typeof dataVsphereComputeClusterModule).DataVsphereComputeCluster,
  DataVsphereContentLibrary: () => (require('@cdktf/provider-vsphere/lib/data-vsphere-content-library') as typeof dataVsphereContentLibraryModule).DataVsphereContentLibrary,
  DataVsphereContentLibraryItem: () => (require('@cdktf/provider-vsphere/lib/data-vsphere-content-library-item') as typeof dataVsphereContentLibraryItemModule).DataVsphereContentLibraryItem,
  DataVsphereDatacenter: () => (require('@cdktf/provider-vsphere/lib/data-vsphere-datacenter') as typeof dataVsphereDatacenterModule).DataVsphereDatacenter,
  DataVsphereDatastore: () => (require('@cdktf/provider-vsphere/lib/data-vsphere-datastore') as typeof dataVsphereDatastoreModule).DataVsphereDatastore,
  DataVsphereDistributedVirtualSwitch: () => (require('@cdktf/provider-vsphere/lib/data-vsphere-distributed-virtual-switch') as typeof dataVsphereDistributedVirtualSwitchModule).DataVsphereDistributedVirtualSwitch,
  DataVsphereHost: () => (require('@cdktf/provider-vsphere/lib/data-vsphere-host') as typeof dataVsphereHostModule).DataVsphereHost,
  DataVsphereHostPciDevice: () => (require('@cdktf/provider-vsphere/lib/data-vsphere-host-pci-device') as typeof dataVsphereHostPciDeviceModule).DataVsphereHostPciDevice,
  DataVsphereNetwork: () => (require('@cdktf/provider-vsphere/lib/data-vsphere-network') as typeof dataVsphereNetworkModule).DataVsphereNetwork,
  DataVsphereVirtualMachine: () => (require('@cdktf/provider-vsphere/lib/data-vsphere-virtual-machine') as typeof dataVsphereVirtualMachineModule).DataVsphereVirtualMachine,
  DistributedPortGroup: () => (require('@cdktf/provider-vsphere/lib/distributed-port-group') as typeof distributedPortGroupModule).DistributedPortGroup,
  DistributedVirtualSwitch: () => (require('@cdktf/provider-vsphere/lib/distributed-virtual-switch') as typeof distributedVirtualSwitchModule).DistributedVirtualSwitch,
  DrsVmOverride: () => (require('@cdktf/provider-vsphere/lib/drs-vm-override') as typeof drsVmOverrideModule).DrsVmOverride,
  HaVmOverride: () => (require('@cdktf/provider-vsphere/lib/ha-vm-override') as typeof haVmOverrideModule).HaVmOverride,
  HostPortGroup: () => (require('@cdktf/provider-vsphere/lib/host-port-group') as typeof hostPortGroupModule).HostPortGroup,
  HostVirtualSwitch: () => (require('@cdktf/provider-vsphere/lib/host-virtual-switch') as typeof hostVirtualSwitchModule).HostVirtualSwitch,
  ResourcePool: () => (require('@cdktf/provider-vsphere/lib/resource-pool') as typeof resourcePoolModule).ResourcePool,
  VirtualMachine: () => (require('@cdktf/provider-vsphere/lib/virtual-machine') as typeof virtualMachineModule).VirtualMachine,
  VirtualMachineSnapshot: () => (require('@cdktf/provider-vsphere/lib/virtual-machine-snapshot') as typeof virtualMachineSnapshotModule).VirtualMachineSnapshot,
});
