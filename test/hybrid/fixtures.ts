import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { VsphereProvider } from '@cdktf/provider-vsphere/lib/provider';
import { TerraformResource, TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  ContainerSpec, HealthProbe, Hypervisor, HybridArchitecture, HybridArchitectureProps, ImageReference, IVirtualMachine, IVirtualMachineFactory,
  IVmNetworkSegment, TemplateSource, VirtualMachineRequest, VmNetworkSegmentRequest, VmSpec, VmTemplate, VsphereVirtualMachineFactory,
} from '../../lib';

/** A stack with the three providers. */
export function newStack(): TerraformStack {
  const stack = new TerraformStack(Testing.app(), 'test');
  new DockerProvider(stack, 'docker', { host: 'unix:///var/run/docker.sock' });
  new KubernetesProvider(stack, 'kubernetes', { configPath: '~/.kube/config' });
  new VsphereProvider(stack, 'vsphere', { vsphereServer: 'vcenter.example', user: 'u', password: 'p' });
  return stack;
}

/** A vSphere factory on a looked-up golden template and a switch UUID. */
export function vsphereFactory(scope: Construct): VsphereVirtualMachineFactory {
  const template = new VmTemplate(scope, 'Golden', {
    source: TemplateSource.existingTemplate('golden'), datacenterName: 'dc-01', computeClusterName: 'cluster-01', datastoreName: 'vsan-01',
  });
  return new VsphereVirtualMachineFactory({ template, distributedVirtualSwitchUuid: 'dvs-uuid-1' });
}

/** An architecture named `Shop` (namespace `shop`) with a vSphere factory and the Docker host at 10.0.50.10. */
export function newArchitecture(stack: TerraformStack, props: HybridArchitectureProps = {}): HybridArchitecture {
  return new HybridArchitecture(stack, 'Shop', {
    docker: { allowedRegistries: ['registry.example.internal'], hostCidr: '10.0.50.10/32' },
    ...props,
    virtualMachineFactories: props.virtualMachineFactories ?? [vsphereFactory(stack)],
  });
}

export const image = (name: string, digit = 'a'): ImageReference =>
  ImageReference.parse(`registry.example.internal/shop/${name}:1.0@sha256:${digit.repeat(64)}`);

/** A container listening on `port` with an HTTP health probe. */
export function service(name: string, port: number): ContainerSpec {
  return { name, image: image(name), ports: [{ name: 'http', containerPort: port }], healthProbe: HealthProbe.http({ path: '/healthz', port }) };
}

export const DB_VM: VmSpec = { name: 'db-01', cpus: 4, memoryMiB: 8192, disks: [{ label: 'disk0', sizeGiB: 40 }, { label: 'data', sizeGiB: 200 }] };

/** A stand-in for a Hyper-V backend, to show the extension point: it builds `terraform_data` resources. */
export class FakeHypervFactory implements IVirtualMachineFactory {
  public readonly hypervisor = Hypervisor.HYPERV;
  public readonly requests: VirtualMachineRequest[] = [];

  public createVirtualMachine(scope: Construct, id: string, request: VirtualMachineRequest): IVirtualMachine {
    this.requests.push(request);
    const vm = new Construct(scope, id);
    const resource = new TerraformResource(vm, 'Resource', { terraformResourceType: 'terraform_data' });
    return Object.assign(vm, {
      virtualMachineName: request.spec.name, virtualMachineId: resource.getStringAttribute('id'), hypervisor: Hypervisor.HYPERV,
      pciPassthroughEnabled: false, spec: { disks: [{ label: 'disk0', sizeGiB: 40 }], ...request.spec },
    });
  }

  public createNetworkSegment(_scope: Construct, _id: string, request: VmNetworkSegmentRequest): IVmNetworkSegment {
    return { networkId: `vswitch-${request.vlanId}`, segmentName: request.segmentName, vlanId: request.vlanId, enforcement: `Hyper-V switch VLAN ${request.vlanId}` };
  }
}

/** Synthesized JSON (aspects run). */
export function synth(stack: TerraformStack): any {
  return JSON.parse(Testing.synth(stack));
}

/** The resource of `type` at construct path `path` below the stack, found by its logical id. */
export function resourceAt(json: any, type: string, path: string): any {
  const human = path.split('/').filter((part) => part !== 'Resource').join('_');
  const matches = Object.entries<any>(json.resource[type] ?? {}).filter(([key]) => key.replace(/_[0-9A-F]{8}$/, '') === human);
  if (matches.length !== 1) throw new Error(`expected one ${type} at ${path}, found ${matches.length}`);
  return matches[0][1];
}
