// GPU training on vSphere: a training VM with a whole GPU passed through (PLACE-PASSTHROUGH) and a
// dataset VM that needs whole-machine snapshots (PLACE-SNAPSHOTS), on their own VLAN. The vSphere
// factory builds hardened SecureVirtualMachines and the VLAN's SecurePortGroup.
// Synthesize with `npx cdktf synth` in this directory.
import { DataVsphereDistributedVirtualSwitch } from '@cdktf/provider-vsphere/lib/data-vsphere-distributed-virtual-switch';
import { DataVsphereStoragePolicy } from '@cdktf/provider-vsphere/lib/data-vsphere-storage-policy';
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { HostPciDevice, HybridArchitecture, TemplateSource, VmTemplate, VsphereVirtualMachineFactory } from '../../lib';
import { vsphereProvider } from '../reference-platform/providers';

export class VsphereGpuStack extends TerraformStack {
  public readonly architecture: HybridArchitecture;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    vsphereProvider(this);
    const inventory = new Construct(this, 'Inventory');
    const template = new VmTemplate(inventory, 'UbuntuGolden', {
      source: TemplateSource.existingTemplate('ubuntu-22.04-cis-golden'), datacenterName: 'dc-01', computeClusterName: 'gpu-cluster', datastoreName: 'vsan-gpu',
    });
    const dvs = new DataVsphereDistributedVirtualSwitch(inventory, 'Dvs', { name: 'dvs-gpu', datacenterId: template.datacenterId });
    const encryption = new DataVsphereStoragePolicy(inventory, 'EncryptionPolicy', { name: 'VM Encryption Policy' });
    const gpu = new HostPciDevice(inventory, 'TrainingGpu', {
      datacenterId: template.datacenterId, hostName: 'esx-gpu-02.corp.example', vendorId: '10de', classId: '0302', nameRegex: 'L40S', deviceMemoryGB: 48,
    });

    const arch = new HybridArchitecture(this, 'Ml', {
      virtualMachineFactories: [new VsphereVirtualMachineFactory({ template, distributedVirtualSwitchUuid: dvs.id, nativeVlanId: 1, storagePolicyId: encryption.id })],
      capacity: { vsphereHosts: { cpuCores: 64, memoryGiB: 1024, hostCount: 2, diskGiB: 8192 } },
    });
    const training = arch.addVmWorkload('Training', {
      spec: { name: 'train-01', cpus: 32, coresPerSocket: 16, memoryMiB: 262144, disks: [{ label: 'disk0', sizeGiB: 100 }, { label: 'scratch', sizeGiB: 2000 }] },
      requirements: { devicePassthrough: true },
      vlanId: 130,
      ipv4Address: '10.0.130.21',
      vsphere: { passthrough: { devices: [gpu], approvalReason: 'model training needs a whole L40S (48 GB); approved in change CHG-3107' } },
    });
    const datasets = arch.addVmWorkload('Datasets', {
      spec: { name: 'datasets-01', cpus: 8, memoryMiB: 32768, disks: [{ label: 'disk0', sizeGiB: 40 }, { label: 'datasets', sizeGiB: 4000, thinProvisioned: false }] },
      requirements: { machineSnapshots: true },
      vlanId: 130,
      ipv4Address: '10.0.130.22',
      vsphere: { vtpm: true },
    });
    arch.connect(training, datasets, 2049, { description: 'NFS: training data' });
    this.architecture = arch;
  }
}

const app = new App();
new VsphereGpuStack(app, 'vsphere-gpu');
app.synth();
