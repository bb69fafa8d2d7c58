import { ComputeClusterVmAntiAffinityRule } from '@cdktf/provider-vsphere/lib/compute-cluster-vm-anti-affinity-rule';
import { HaVmOverride } from '@cdktf/provider-vsphere/lib/ha-vm-override';
import { Construct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { HaRestartPriority, IVsphereVirtualMachine } from './secure-virtual-machine';
import { checkConstruct } from '../../core/private/shapes';
import { vsphere } from './private/providers';

/** Props of `VmAntiAffinityRule`. */
export interface VmAntiAffinityRuleProps {
  /** The VMs to keep on different hosts (at least two, all in one cluster). */
  readonly virtualMachines: IVsphereVirtualMachine[];
  /**
   * Name of the DRS rule.
   * @default - the construct id
   */
  readonly ruleName?: string;
  /**
   * Make the rule mandatory: a VM that would break it is not powered on, even by HA.
   * @default false
   */
  readonly mandatory?: boolean;
  /**
   * The compute cluster.
   * @default - the first VM's cluster
   */
  readonly computeClusterId?: string;
}

/**
 * Keeps a group of VMs on different hosts (`vsphere_compute_cluster_vm_anti_affinity_rule`), so
 * one host failure takes down at most one member of, say, a database pair.
 */
export class VmAntiAffinityRule extends Construct {
  /** The underlying DRS rule. */
  public readonly resource: ComputeClusterVmAntiAffinityRule;

  constructor(scope: Construct, id: string, props: VmAntiAffinityRuleProps) {
    checkConstruct(scope, id, 'VmAntiAffinityRule', [props]);
    super(scope, id);
    const vms = props.virtualMachines ?? [];
    if (!Array.isArray(vms) || vms.length < 2) {
      throw invalid(this, 'virtualMachines', 'must list at least two VMs', vms.length, 'An anti-affinity rule separates two or more VMs.');
    }
    const paths = new Set<string>();
    vms.forEach((vm, i) => {
      if (paths.has(vm.node.path)) {
        throw invalid(this, `virtualMachines[${i}]`, 'is listed twice', vm.node.path, 'List each VM once.');
      }
      paths.add(vm.node.path);
    });
    this.resource = new vsphere.ComputeClusterVmAntiAffinityRule(this, 'Resource', {
      name: props.ruleName ?? id,
      computeClusterId: props.computeClusterId ?? vms[0].computeClusterId,
      virtualMachineIds: vms.map((vm) => vm.virtualMachineId),
      enabled: true,
      mandatory: props.mandatory ?? false,
    });
  }
}

/** Props of `VmHaOverride`. */
export interface VmHaOverrideProps {
  /** The VM. */
  readonly virtualMachine: IVsphereVirtualMachine;
  /** HA restart priority of the VM. */
  readonly restartPriority: HaRestartPriority;
  /**
   * The compute cluster.
   * @default - the VM's cluster
   */
  readonly computeClusterId?: string;
}

/** An HA restart-priority override for one VM (`vsphere_ha_vm_override`). */
export class VmHaOverride extends Construct {
  /** The underlying override. */
  public readonly resource: HaVmOverride;

  constructor(scope: Construct, id: string, props: VmHaOverrideProps) {
    checkConstruct(scope, id, 'VmHaOverride', [props]);
    super(scope, id);
    if (!Object.values(HaRestartPriority).includes(props.restartPriority)) {
      throw invalid(this, 'restartPriority', 'is not an HA restart priority', props.restartPriority, 'Use a HaRestartPriority value, e.g. HaRestartPriority.HIGH.');
    }
    if (props.virtualMachine.pciPassthroughEnabled && props.restartPriority !== HaRestartPriority.DISABLED) {
      throw invalid(this, 'restartPriority', 'must be DISABLED for a passthrough VM (PT-NO-HA)', props.restartPriority,
        'HA cannot restart a DirectPath I/O VM on another host; the VM already gets an HA override with passthrough.disableHaRestart.');
    }
    this.resource = new vsphere.HaVmOverride(this, 'Resource', {
      computeClusterId: props.computeClusterId ?? props.virtualMachine.computeClusterId,
      virtualMachineId: props.virtualMachine.virtualMachineId,
      haVmRestartPriority: props.restartPriority,
    });
  }
}
