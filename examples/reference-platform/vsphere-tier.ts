import { DataVsphereDistributedVirtualSwitch } from '@cdktf/provider-vsphere/lib/data-vsphere-distributed-virtual-switch';
import { DataVsphereStoragePolicy } from '@cdktf/provider-vsphere/lib/data-vsphere-storage-policy';
import { Construct } from 'constructs';
import {
  GuestCustomization, HostPciDevice, SecurePortGroup, SecureVirtualMachine, TemplateSource,
  VmAntiAffinityRule, VmResourcePool, VmSnapshot, VmTemplate,
} from '../../lib';

/** What the vSphere tier exposes to the rest of the reference platform. */
export interface VsphereTier {
  readonly databaseVms: SecureVirtualMachine[];
  readonly inferenceVm: SecureVirtualMachine;
  readonly portGroup: SecurePortGroup;
}

/**
 * The VM tier: a PostgreSQL pair kept on different hosts, and a GPU inference VM with a whole
 * GPU passed through, all on one hardened, tagged port group and encrypted by storage policy.
 */
export function addVsphereTier(scope: Construct): VsphereTier {
  const tier = new Construct(scope, 'VmTier');

  const template = new VmTemplate(tier, 'UbuntuGolden', {
    source: TemplateSource.existingTemplate('ubuntu-22.04-cis-golden'),
    datacenterName: 'dc-01',
    computeClusterName: 'cluster-01',
    datastoreName: 'vsan-01',
  });
  const dvs = new DataVsphereDistributedVirtualSwitch(tier, 'Dvs', { name: 'dvs-prod', datacenterId: template.datacenterId });
  const encryption = new DataVsphereStoragePolicy(tier, 'EncryptionPolicy', { name: 'VM Encryption Policy' });

  const portGroup = new SecurePortGroup(tier, 'DataPortGroup', {
    name: 'pg-data-110',
    distributedVirtualSwitchUuid: dvs.id,
    vlanId: 110,
    nativeVlanId: 1,
    description: 'Database and inference VMs',
  });

  const pool = new VmResourcePool(tier, 'DatabasePool', {
    name: 'db-tier',
    parentResourcePoolId: template.resourcePoolId,
    cpuReservationMhz: 8000,
    memoryReservationMiB: 32768,
    memoryLimitMiB: 65536,
  });

  const databaseVms = [1, 2].map((n) => new SecureVirtualMachine(tier, `Database${n}`, {
    spec: {
      name: `db-0${n}`,
      cpus: 8,
      coresPerSocket: 4,
      memoryMiB: 16384,
      disks: [{ label: 'disk0', sizeGiB: 40 }, { label: 'pgdata', sizeGiB: 500, thinProvisioned: false }],
      networks: [{ networkId: portGroup.portGroupId, ipv4Address: `10.0.110.1${n}`, ipv4PrefixLength: 24 }],
    },
    template,
    resourcePool: pool,
    storagePolicyId: encryption.id,
    vtpm: true,
    folder: 'prod/databases',
    customization: GuestCustomization.linux({
      hostName: `db-0${n}`, domain: 'corp.example', ipv4Gateway: '10.0.110.1', dnsServers: ['10.0.0.53'],
    }),
  }));
  new VmAntiAffinityRule(tier, 'DatabaseAntiAffinity', { virtualMachines: databaseVms, ruleName: 'db-pair-separate-hosts' });
  new VmSnapshot(tier, 'Database1PreUpgrade', { virtualMachine: databaseVms[0], snapshotName: 'pre-pg16-upgrade' });

  const gpu = new HostPciDevice(tier, 'InferenceGpu', {
    datacenterId: template.datacenterId,
    hostName: 'esx-gpu-01.corp.example',
    vendorId: '10de',
    classId: '0302',
    nameRegex: 'H100',
    deviceMemoryGB: 80,
  });
  const inferenceVm = new SecureVirtualMachine(tier, 'Inference', {
    spec: {
      name: 'llm-inference-01',
      cpus: 16,
      coresPerSocket: 8,
      memoryMiB: 131072,
      disks: [{ label: 'disk0', sizeGiB: 100 }, { label: 'models', sizeGiB: 1000 }],
      networks: [{ networkId: portGroup.portGroupId }],
      cloudInitUserData: '#cloud-config\npackages: [nvidia-driver-550-server]\n',
    },
    template,
    storagePolicyId: encryption.id,
    passthrough: {
      devices: [gpu],
      approvalReason: 'LLM inference needs a whole H100 (80 GB); approved in change CHG-2041',
    },
  });

  return { databaseVms, inferenceVm, portGroup };
}
