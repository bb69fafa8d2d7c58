import { DefaultTokenResolver, StringConcat, TerraformStack, Testing, Tokenization } from 'cdktf';
import { Construct } from 'constructs';
import { HostPciDevice, TemplateSource, VmSpec, VmTemplate } from '../../../lib';

export function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'stack');
}

export function goldenTemplate(scope: Construct): VmTemplate {
  return new VmTemplate(scope, 'Golden', {
    source: TemplateSource.existingTemplate('ubuntu-22.04-golden'),
    datacenterName: 'dc-01',
    computeClusterName: 'cluster-01',
    datastoreName: 'vsan-01',
  });
}

export function gpu(scope: Construct, id = 'Gpu', deviceMemoryGB = 80, hostName = 'esx-gpu-01'): HostPciDevice {
  return new HostPciDevice(scope, id, { datacenterId: 'datacenter-1', hostName, vendorId: '10de', classId: '0302', deviceMemoryGB });
}

export const SPEC: VmSpec = {
  name: 'app-01',
  cpus: 4,
  coresPerSocket: 2,
  memoryMiB: 8192,
  disks: [{ label: 'disk0', sizeGiB: 40 }],
  networks: [{ networkId: 'dvportgroup-10' }],
};

/** Synthesizes a stack and returns the parsed JSON. */
export function synthJson(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack));
}

/** The only resource of a type in a synthesized stack. */
export function only(json: any, type: string): any {
  const resources = Object.values(json.resource?.[type] ?? {});
  if (resources.length !== 1) throw new Error(`expected one ${type}, found ${resources.length}`);
  return resources[0];
}

/** Resolves a token to what it renders as in the stack (`${...}`), so two getters of one attribute compare equal. */
export function resolve(stack: TerraformStack, value: unknown): unknown {
  return Tokenization.resolve(value, { scope: stack, preparing: false, resolver: new DefaultTokenResolver(new StringConcat()) });
}
