import { IConstruct } from 'constructs';
import { VmSpec } from './vm-spec';

/** The hypervisor a virtual machine runs on. */
export enum Hypervisor {
  /** VMware vSphere (vmware/vsphere provider). */
  VSPHERE = 'VSPHERE',
  /** Microsoft Hyper-V (taliesins/hyperv provider). */
  HYPERV = 'HYPERV',
  /** Oracle VirtualBox. */
  VIRTUALBOX = 'VIRTUALBOX',
}

/**
 * A virtual machine on any hypervisor.
 *
 * Implemented by `SecureVirtualMachine` (vSphere) and by the Hyper-V and VirtualBox VMs; taken by
 * the hybrid layer and by constructs that act on a VM (snapshots, placement rules).
 */
export interface IVirtualMachine extends IConstruct {
  /** The VM's name as the hypervisor shows it. */
  readonly virtualMachineName: string;
  /** The hypervisor's id of the VM (a token resolved at apply). */
  readonly virtualMachineId: string;
  /** The hypervisor-neutral spec the VM was built from, defaults resolved. */
  readonly spec: VmSpec;
  /** The hypervisor the VM runs on. */
  readonly hypervisor: Hypervisor;
  /** Whether physical PCI functions are passed through: DirectPath I/O devices or SR-IOV virtual functions (rules out snapshots, live migration and hot add). */
  readonly pciPassthroughEnabled: boolean;
}
