// The @cdktf/provider-vsphere classes the library constructs, each loaded on first use: loading every
// resource module up front made require('cdktf-hybrid') several times slower than require('cdktf'), and an
// app that builds no such resource never needs them. Types are imported for the compiler only.
/* eslint-disable @typescript-eslint/no-require-imports */
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
export const vsphere = {
  get ComputeClusterVmAntiAffinityRule(): typeof computeClusterVmAntiAffinityRuleModule.ComputeClusterVmAntiAffinityRule {
    return (require('@cdktf/provider-vsphere/lib/compute-cluster-vm-anti-affinity-rule') as typeof computeClusterVmAntiAffinityRuleModule).ComputeClusterVmAntiAffinityRule;
  },
  get ContentLibrary(): typeof contentLibraryModule.ContentLibrary {
    return (require('@cdktf/provider-vsphere/lib/content-library') as typeof contentLibraryModule).ContentLibrary;
  },
  get ContentLibraryItem(): typeof contentLibraryItemModule.ContentLibraryItem {
    return (require('@cdktf/provider-vsphere/lib/content-library-item') as typeof contentLibraryItemModule).ContentLibraryItem;
  },
  get DataVsphereComputeCluster(): typeof dataVsphereComputeClusterModule.DataVsphereComputeCluster {
    return (require('@cdktf/provider-vsphere/lib/data-vsphere-compute-cluster') as typeof dataVsphereComputeClusterModule).DataVsphereComputeCluster;
  },
  get DataVsphereContentLibrary(): typeof dataVsphereContentLibraryModule.DataVsphereContentLibrary {
    return (require('@cdktf/provider-vsphere/lib/data-vsphere-content-library') as typeof dataVsphereContentLibraryModule).DataVsphereContentLibrary;
  },
  get DataVsphereContentLibraryItem(): typeof dataVsphereContentLibraryItemModule.DataVsphereContentLibraryItem {
    return (require('@cdktf/provider-vsphere/lib/data-vsphere-content-library-item') as typeof dataVsphereContentLibraryItemModule).DataVsphereContentLibraryItem;
  },
  get DataVsphereDatacenter(): typeof dataVsphereDatacenterModule.DataVsphereDatacenter {
    return (require('@cdktf/provider-vsphere/lib/data-vsphere-datacenter') as typeof dataVsphereDatacenterModule).DataVsphereDatacenter;
  },
  get DataVsphereDatastore(): typeof dataVsphereDatastoreModule.DataVsphereDatastore {
    return (require('@cdktf/provider-vsphere/lib/data-vsphere-datastore') as typeof dataVsphereDatastoreModule).DataVsphereDatastore;
  },
  get DataVsphereDistributedVirtualSwitch(): typeof dataVsphereDistributedVirtualSwitchModule.DataVsphereDistributedVirtualSwitch {
    return (require('@cdktf/provider-vsphere/lib/data-vsphere-distributed-virtual-switch') as typeof dataVsphereDistributedVirtualSwitchModule).DataVsphereDistributedVirtualSwitch;
  },
  get DataVsphereHost(): typeof dataVsphereHostModule.DataVsphereHost {
    return (require('@cdktf/provider-vsphere/lib/data-vsphere-host') as typeof dataVsphereHostModule).DataVsphereHost;
  },
  get DataVsphereHostPciDevice(): typeof dataVsphereHostPciDeviceModule.DataVsphereHostPciDevice {
    return (require('@cdktf/provider-vsphere/lib/data-vsphere-host-pci-device') as typeof dataVsphereHostPciDeviceModule).DataVsphereHostPciDevice;
  },
  get DataVsphereNetwork(): typeof dataVsphereNetworkModule.DataVsphereNetwork {
    return (require('@cdktf/provider-vsphere/lib/data-vsphere-network') as typeof dataVsphereNetworkModule).DataVsphereNetwork;
  },
  get DataVsphereVirtualMachine(): typeof dataVsphereVirtualMachineModule.DataVsphereVirtualMachine {
    return (require('@cdktf/provider-vsphere/lib/data-vsphere-virtual-machine') as typeof dataVsphereVirtualMachineModule).DataVsphereVirtualMachine;
  },
  get DistributedPortGroup(): typeof distributedPortGroupModule.DistributedPortGroup {
    return (require('@cdktf/provider-vsphere/lib/distributed-port-group') as typeof distributedPortGroupModule).DistributedPortGroup;
  },
  get DistributedVirtualSwitch(): typeof distributedVirtualSwitchModule.DistributedVirtualSwitch {
    return (require('@cdktf/provider-vsphere/lib/distributed-virtual-switch') as typeof distributedVirtualSwitchModule).DistributedVirtualSwitch;
  },
  get DrsVmOverride(): typeof drsVmOverrideModule.DrsVmOverride {
    return (require('@cdktf/provider-vsphere/lib/drs-vm-override') as typeof drsVmOverrideModule).DrsVmOverride;
  },
  get HaVmOverride(): typeof haVmOverrideModule.HaVmOverride {
    return (require('@cdktf/provider-vsphere/lib/ha-vm-override') as typeof haVmOverrideModule).HaVmOverride;
  },
  get HostPortGroup(): typeof hostPortGroupModule.HostPortGroup {
    return (require('@cdktf/provider-vsphere/lib/host-port-group') as typeof hostPortGroupModule).HostPortGroup;
  },
  get HostVirtualSwitch(): typeof hostVirtualSwitchModule.HostVirtualSwitch {
    return (require('@cdktf/provider-vsphere/lib/host-virtual-switch') as typeof hostVirtualSwitchModule).HostVirtualSwitch;
  },
  get ResourcePool(): typeof resourcePoolModule.ResourcePool {
    return (require('@cdktf/provider-vsphere/lib/resource-pool') as typeof resourcePoolModule).ResourcePool;
  },
  get VirtualMachine(): typeof virtualMachineModule.VirtualMachine {
    return (require('@cdktf/provider-vsphere/lib/virtual-machine') as typeof virtualMachineModule).VirtualMachine;
  },
  get VirtualMachineSnapshot(): typeof virtualMachineSnapshotModule.VirtualMachineSnapshot {
    return (require('@cdktf/provider-vsphere/lib/virtual-machine-snapshot') as typeof virtualMachineSnapshotModule).VirtualMachineSnapshot;
  },
};
