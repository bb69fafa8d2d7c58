import { DataVsphereDistributedVirtualSwitch } from '@cdktf/provider-vsphere/lib/data-vsphere-distributed-virtual-switch';
import { DataVsphereStoragePolicy } from '@cdktf/provider-vsphere/lib/data-vsphere-storage-policy';
import { Construct } from 'constructs';
import {
  GuestCustomization, HostPciDevice, HybridArchitecture, IHybridWorkload, SecureVirtualMachine, TemplateSource, VmAntiAffinityRule,
  VmResourcePool, VmSnapshot, VmTemplate, VsphereVirtualMachineFactory,
} from '../../lib';

/** The vSphere inventory the VM workloads are cloned into. */
export interface VsphereInventory {
  readonly template: VmTemplate;
  readonly factory: VsphereVirtualMachineFactory;
  readonly scope: Construct;
}

/** The golden template, the distributed switch and the encryption policy, looked up once (under `VmTier`). */
export function vsphereInventory(stackScope: Construct): VsphereInventory {
  const scope = new Construct(stackScope, 'VmTier');
  const template = new VmTemplate(scope, 'UbuntuGolden', {
    source: TemplateSource.existingTemplate('ubuntu-22.04-cis-golden'),
    datacenterName: 'dc-01',
    computeClusterName: 'cluster-01',
    datastoreName: 'vsan-01',
  });
  const dvs = new DataVsphereDistributedVirtualSwitch(scope, 'Dvs', { name: 'dvs-prod', datacenterId: template.datacenterId });
  const encryption = new DataVsphereStoragePolicy(scope, 'EncryptionPolicy', { name: 'VM Encryption Policy' });
  const factory = new VsphereVirtualMachineFactory({
    template,
    distributedVirtualSwitchUuid: dvs.id,
    nativeVlanId: 1,
    storagePolicyId: encryption.id,
  });
  return { template, factory, scope };
}

/** What the VM workloads are, for flows and tests. */
export interface VirtualMachineWorkloads {
  readonly databases: IHybridWorkload[];
  readonly inference: IHybridWorkload;
}

/**
 * The VM workloads: a PostgreSQL pair (whole-machine snapshots → VM, kept on different hosts) on
 * VLAN 110, and a GPU inference VM with a whole H100 passed through on VLAN 120.
 */
export function addVirtualMachines(arch: HybridArchitecture, inventory: VsphereInventory): VirtualMachineWorkloads {
  const pool = new VmResourcePool(inventory.scope, 'DatabasePool', {
    name: 'db-tier',
    parentResourcePoolId: inventory.template.resourcePoolId,
    cpuReservationMhz: 8000,
    memoryReservationMiB: 32768,
    memoryLimitMiB: 65536,
  });
  const databases = [1, 2].map((n) => arch.addVmWorkload(`Database${n}`, {
    spec: {
      name: `db-0${n}`,
      cpus: 8,
      coresPerSocket: 4,
      memoryMiB: 16384,
      disks: [{ label: 'disk0', sizeGiB: 40 }, { label: 'pgdata', sizeGiB: 500, thinProvisioned: false }],
    },
    requirements: { machineSnapshots: true, fullOperatingSystem: true },
    vlanId: 110,
    ipv4Address: `10.0.110.1${n}`,
    vsphere: {
      resourcePool: pool,
      vtpm: true,
      folder: 'prod/databases',
      customization: GuestCustomization.linux({ hostName: `db-0${n}`, domain: 'corp.example', ipv4Gateway: '10.0.110.1', dnsServers: ['10.0.0.53'] }),
    },
  }));
  const databaseVms = databases.map((d) => d.virtualMachine as SecureVirtualMachine);
  new VmAntiAffinityRule(inventory.scope, 'DatabaseAntiAffinity', { virtualMachines: databaseVms, ruleName: 'db-pair-separate-hosts' });
  new VmSnapshot(inventory.scope, 'Database1PreUpgrade', { virtualMachine: databaseVms[0], snapshotName: 'pre-pg16-upgrade' });

  const gpu = new HostPciDevice(inventory.scope, 'InferenceGpu', {
    datacenterId: inventory.template.datacenterId,
    hostName: 'esx-gpu-01.corp.example',
    vendorId: '10de',
    classId: '0302',
    nameRegex: 'H100',
    deviceMemoryGB: 80,
  });
  const inference = arch.addVmWorkload('Inference', {
    spec: {
      name: 'llm-inference-01',
      cpus: 16,
      coresPerSocket: 8,
      memoryMiB: 131072,
      disks: [{ label: 'disk0', sizeGiB: 100 }, { label: 'models', sizeGiB: 1000 }],
      cloudInitUserData: '#cloud-config\npackages: [nvidia-driver-550-server]\n',
    },
    requirements: { devicePassthrough: true },
    vlanId: 120,
    ipv4Address: '10.0.120.21',
    vsphere: {
      passthrough: { devices: [gpu], approvalReason: 'LLM inference needs a whole H100 (80 GB); approved in change CHG-2041' },
    },
  });
  return { databases, inference };
}
