import { VirtualMachineSnapshot } from '@cdktf/provider-vsphere/lib/virtual-machine-snapshot';
import { Construct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { IVsphereVirtualMachine } from './secure-virtual-machine';
import { checkConstruct } from '../../core/private/shapes';
import { vsphere } from './private/providers';

/** Props of `VmSnapshot`. */
export interface VmSnapshotProps {
  /** The VM to snapshot. Passthrough VMs are refused (PT-NO-SNAPSHOT). */
  readonly virtualMachine: IVsphereVirtualMachine;
  /** Snapshot name, 1-80 characters. */
  readonly snapshotName: string;
  /**
   * Snapshot description.
   * @default "Managed by cdktf-hybrid"
   */
  readonly description?: string;
  /**
   * Include the VM's memory (a running-state snapshot). Exclusive with `quiesce`.
   * @default false
   */
  readonly memory?: boolean;
  /**
   * Quiesce the guest file system through VMware Tools (a consistent backup point).
   * @default - true unless `memory` is true
   */
  readonly quiesce?: boolean;
  /**
   * Consolidate disks when the snapshot is removed.
   * @default true
   */
  readonly consolidate?: boolean;
}

/**
 * A VM snapshot (`vsphere_virtual_machine_snapshot`) for backup, recovery and test cloning.
 *
 * Quiesced, without memory, by default. Refuses a VM with PCI passthrough: DirectPath I/O rules
 * out snapshots (PT-NO-SNAPSHOT). Snapshots are not backups on their own and slow the VM down
 * as they grow: keep them short-lived.
 */
export class VmSnapshot extends Construct {
  /** The underlying `vsphere_virtual_machine_snapshot`. */
  public readonly resource: VirtualMachineSnapshot;
  /** Whether memory is included. */
  public readonly memory: boolean;
  /** Whether the guest is quiesced. */
  public readonly quiesce: boolean;

  constructor(scope: Construct, id: string, props: VmSnapshotProps) {
    checkConstruct(scope, id, 'VmSnapshot', [props]);
    super(scope, id);
    const vm = props.virtualMachine;
    if (!vm || typeof vm.virtualMachineUuid !== 'string') {
      throw invalid(this, 'virtualMachine', 'must be a vSphere VM', vm?.node?.path, 'Pass a SecureVirtualMachine.');
    }
    if (vm.pciPassthroughEnabled) {
      throw invalid(this, 'virtualMachine', 'uses PCI passthrough, which rules out snapshots (PT-NO-SNAPSHOT)', vm.node.path,
        'Back the VM up from inside the guest, or snapshot a VM without passthrough.');
    }
    if (typeof props.snapshotName !== 'string' || props.snapshotName.trim().length < 1 || props.snapshotName.length > 80) {
      throw invalid(this, 'snapshotName', 'must be 1-80 characters', props.snapshotName, 'Use a name such as "pre-upgrade".');
    }
    this.memory = props.memory ?? false;
    if (this.memory && props.quiesce === true) {
      throw invalid(this, 'quiesce', 'cannot be combined with memory', true,
        'A memory snapshot captures the running state and is not quiesced: set one of memory or quiesce.');
    }
    this.quiesce = props.quiesce ?? !this.memory;
    this.resource = new vsphere.VirtualMachineSnapshot(this, 'Resource', {
      virtualMachineUuid: vm.virtualMachineUuid,
      snapshotName: props.snapshotName,
      description: props.description ?? 'Managed by cdktf-hybrid',
      memory: this.memory,
      quiesce: this.quiesce,
      consolidate: props.consolidate ?? true,
      removeChildren: false,
    });
  }
}
