import { HostVirtualSwitch } from '@cdktf/provider-vsphere/lib/host-virtual-switch';
import { Annotations } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { invalid } from '../../core/private/errors';
import { RemovalPolicies, RemovalPolicy } from '../../core/removal-policy';
import { checkIntegerRange, isUnresolved } from '../../core/private/validation';
import { LinkDiscoveryOperation, LinkDiscoveryProtocol } from './distributed-switch';
import { checkArgs, checkConstruct } from '../../core/private/shapes';
import { vsphere } from './private/providers';

/**
 * A standard (host) virtual switch as a port group sees it.
 *
 * Implemented by `SecureHostVirtualSwitch`, and by `SecureHostVirtualSwitch.fromName` for a switch
 * managed elsewhere (e.g. `vSwitch0`).
 */
export interface IHostVirtualSwitch extends IConstruct {
  /** The switch name on its host. */
  readonly virtualSwitchName: string;
  /** The managed object id of the host the switch is on. */
  readonly hostSystemId: string;
}

/** Teaming policy of a standard switch (`teaming_policy`). */
export enum HostTeamingPolicy {
  /** Route based on the originating virtual port (the vSphere default). */
  LOADBALANCE_SRCID = 'loadbalance_srcid',
  /** Route based on source MAC hash. */
  LOADBALANCE_SRCMAC = 'loadbalance_srcmac',
  /** Route based on IP hash (needs a static EtherChannel upstream). */
  LOADBALANCE_IP = 'loadbalance_ip',
  /** Explicit failover order. */
  FAILOVER_EXPLICIT = 'failover_explicit',
}

/** Props of `SecureHostVirtualSwitch`. */
export interface SecureHostVirtualSwitchProps {
  /** Name of the switch on the host, e.g. `vSwitch1`. */
  readonly name: string;
  /** Managed object id of the ESXi host (`data.vsphere_host.id`). */
  readonly hostSystemId: string;
  /** Physical NICs bound to the switch, e.g. `["vmnic2", "vmnic3"]`. */
  readonly networkAdapters: string[];
  /**
   * NICs used actively (a subset of `networkAdapters`).
   * @default - every network adapter that is not in `standbyNics`
   */
  readonly activeNics?: string[];
  /**
   * Standby NICs (a subset of `networkAdapters`, disjoint from `activeNics`).
   * @default - none
   */
  readonly standbyNics?: string[];
  /**
   * Teaming policy.
   * @default - the provider's default (HostTeamingPolicy.LOADBALANCE_SRCID)
   */
  readonly teamingPolicy?: HostTeamingPolicy;
  /**
   * MTU in bytes, 1280-9000.
   * @default - 1500
   */
  readonly mtu?: number;
  /**
   * Number of ports.
   * @default - the provider's default (128)
   */
  readonly numberOfPorts?: number;
  /**
   * CDP/LLDP operation. The baseline's discovery control (NET-DVS-DISCOVERY) is written for
   * distributed switches; the standard switch gets the same default as defence in depth.
   * @default LinkDiscoveryOperation.NONE
   */
  readonly linkDiscoveryOperation?: LinkDiscoveryOperation;
  /**
   * Link discovery protocol; only used when `linkDiscoveryOperation` is not NONE.
   * @default - the provider's default (CDP)
   */
  readonly linkDiscoveryProtocol?: LinkDiscoveryProtocol;
  /**
   * What happens to the switch on destroy. Destroying it disconnects every port group and VM on it.
   * @default RemovalPolicy.RETAIN (`lifecycle.prevent_destroy = true`)
   */
  readonly removalPolicy?: RemovalPolicy;
}

const BRAND = Symbol.for('cdktf-hybrid.SecureHostVirtualSwitch');
const NIC = /^vmnic\d+$/;

class ExistingHostVirtualSwitch extends Construct implements IHostVirtualSwitch {
  constructor(scope: Construct, id: string, public readonly virtualSwitchName: string, public readonly hostSystemId: string) {
    super(scope, id);
    if (typeof virtualSwitchName !== 'string' || virtualSwitchName.trim() === '') {
      throw invalid(this, 'virtualSwitchName', 'is required', virtualSwitchName, 'Give the switch name, e.g. "vSwitch0".');
    }
    if (typeof hostSystemId !== 'string' || hostSystemId === '') {
      throw invalid(this, 'hostSystemId', 'is required', hostSystemId, 'Pass the host id, e.g. new DataVsphereHost(...).id.');
    }
  }
}

/**
 * A standard virtual switch (`vsphere_host_virtual_switch`) on one ESXi host that meets the NET-VSS-* controls.
 *
 * Always: promiscuous mode, forged transmits and MAC changes rejected (NET-VSS-PROMISCUOUS,
 * NET-VSS-FORGED, NET-VSS-MACCHANGE; STIG ESXI-80-000218/216/217). The standard switch default
 * for forged transmits and MAC changes is Accept, so the library writes all three. There is no
 * prop to loosen them: use `resource` (escape hatch) and the policy engine will report it. Port
 * groups on the switch (`SecureHostPortGroup`) inherit this policy (NET-VSS-NO-OVERRIDE).
 * Link discovery is off by default (`linkDiscoveryOperation`). The switch is protected from destroy
 * (`lifecycle.prevent_destroy`) unless `removalPolicy` is DESTROY.
 *
 * Host-wide settings (BPDU filter ESXI-80-000215, `Net.DVFilterBindIpAddress` ESXI-80-000219) are
 * ESXi host configuration, outside this library.
 *
 * @see https://registry.terraform.io/providers/vmware/vsphere/2.15.0/docs/resources/host_virtual_switch
 */
export class SecureHostVirtualSwitch extends Construct implements IHostVirtualSwitch {
  /** True for a `SecureHostVirtualSwitch` from any copy of the library. */
  public static isSecureHostVirtualSwitch(x: any): x is SecureHostVirtualSwitch {
    return typeof x === 'object' && x !== null && BRAND in x;
  }

  /**
   * An existing standard switch (e.g. `vSwitch0`), for `SecureHostPortGroup`.
   *
   * The library does not manage that switch, so its NET-VSS-* settings are not checked.
   */
  public static fromName(scope: Construct, id: string, virtualSwitchName: string, hostSystemId: string): IHostVirtualSwitch {
    checkArgs('SecureHostVirtualSwitch.fromName', 'SecureHostVirtualSwitch.fromName', [scope, id, virtualSwitchName, hostSystemId]);
    return new ExistingHostVirtualSwitch(scope, id, virtualSwitchName, hostSystemId);
  }

  /** The underlying `vsphere_host_virtual_switch`. */
  public readonly resource: HostVirtualSwitch;
  /** The switch name (a reference to the resource, so dependents are ordered after it). */
  public readonly virtualSwitchName: string;
  public readonly hostSystemId: string;
  /** The CDP/LLDP operation. */
  public readonly linkDiscoveryOperation: LinkDiscoveryOperation;

  constructor(scope: Construct, id: string, props: SecureHostVirtualSwitchProps) {
    checkConstruct(scope, id, 'SecureHostVirtualSwitch', [props]);
    super(scope, id);
    Object.defineProperty(this, BRAND, { value: true });
    if (typeof props.name !== 'string' || props.name.trim() === '' || props.name.length > 32) {
      throw invalid(this, 'name', 'must be 1-32 characters', props.name, 'Use a name such as "vSwitch1".');
    }
    if (typeof props.hostSystemId !== 'string' || props.hostSystemId === '') {
      throw invalid(this, 'hostSystemId', 'is required', props.hostSystemId, 'Pass the host id, e.g. new DataVsphereHost(...).id.');
    }
    const adapters = props.networkAdapters;
    if (!Array.isArray(adapters) || adapters.length === 0) {
      throw invalid(this, 'networkAdapters', 'must list at least one physical NIC', adapters, 'Bind the host\'s NICs, e.g. ["vmnic2", "vmnic3"].');
    }
    adapters.forEach((nic, i) => {
      if (isUnresolved(nic)) return;
      if (typeof nic !== 'string' || !NIC.test(nic)) {
        throw invalid(this, `networkAdapters[${i}]`, 'is not a physical NIC name', nic, 'Use the ESXi name, e.g. "vmnic2".');
      }
      if (adapters.indexOf(nic) !== i) throw invalid(this, `networkAdapters[${i}]`, 'is listed twice', nic, 'List every NIC once.');
    });
    const standby = props.standbyNics ?? [];
    const active = props.activeNics ?? adapters.filter((nic) => !standby.includes(nic));
    for (const [prop, list] of [['activeNics', active], ['standbyNics', standby]] as const) {
      list.forEach((nic, i) => {
        if (!isUnresolved(nic) && !adapters.includes(nic)) {
          throw invalid(this, `${prop}[${i}]`, 'is not one of networkAdapters', nic, `Use one of ${JSON.stringify(adapters)}.`);
        }
        if (prop === 'standbyNics' && active.includes(nic)) {
          throw invalid(this, `${prop}[${i}]`, 'is also an active NIC', nic, 'A NIC is either active or standby.');
        }
      });
    }
    if (active.length === 0) {
      throw invalid(this, 'activeNics', 'must list at least one NIC', active, 'Make at least one of networkAdapters active.');
    }
    if (props.teamingPolicy !== undefined && !Object.values(HostTeamingPolicy).includes(props.teamingPolicy)) {
      throw invalid(this, 'teamingPolicy', 'is not a known teaming policy', props.teamingPolicy, 'Use a HostTeamingPolicy value.');
    }
    if (props.mtu !== undefined) checkIntegerRange(this, 'mtu', props.mtu, 1280, 9000, 'Use 1500, or up to 9000 for jumbo frames.');
    if (props.numberOfPorts !== undefined) checkIntegerRange(this, 'numberOfPorts', props.numberOfPorts, 1, 4088);
    this.linkDiscoveryOperation = props.linkDiscoveryOperation ?? LinkDiscoveryOperation.NONE;
    if (!Object.values(LinkDiscoveryOperation).includes(this.linkDiscoveryOperation)) {
      throw invalid(this, 'linkDiscoveryOperation', 'is not a known operation', this.linkDiscoveryOperation, 'Use LinkDiscoveryOperation.NONE.');
    }
    if (this.linkDiscoveryOperation !== LinkDiscoveryOperation.NONE) {
      Annotations.of(this).addInfo(`linkDiscoveryOperation is "${this.linkDiscoveryOperation}": the standard switch exchanges CDP/LLDP data `
        + '(no policy rule checks standard switches; NET-DVS-DISCOVERY covers distributed switches).');
    }

    this.resource = new vsphere.HostVirtualSwitch(this, 'Resource', {
      name: props.name,
      hostSystemId: props.hostSystemId,
      networkAdapters: adapters,
      activeNics: active,
      standbyNics: props.standbyNics,
      teamingPolicy: props.teamingPolicy,
      mtu: props.mtu,
      numberOfPorts: props.numberOfPorts,
      allowPromiscuous: false,
      allowForgedTransmits: false,
      allowMacChanges: false,
      linkDiscoveryOperation: this.linkDiscoveryOperation,
      linkDiscoveryProtocol: props.linkDiscoveryProtocol,
    });
    if (props.removalPolicy !== undefined && !Object.values(RemovalPolicy).includes(props.removalPolicy)) {
      throw invalid(this, 'removalPolicy', 'is not a known removal policy', props.removalPolicy, 'Use RemovalPolicy.RETAIN or RemovalPolicy.DESTROY.');
    }
    RemovalPolicies.apply(this.resource, props.removalPolicy);
    if (props.removalPolicy === RemovalPolicy.DESTROY) {
      Annotations.of(this).addWarning('removalPolicy is DESTROY: terraform destroy deletes the switch and disconnects every port group and VM on it.');
    }
    // Referenced through the resource so a port group on the switch is created after it.
    this.virtualSwitchName = this.resource.name;
    this.hostSystemId = props.hostSystemId;
  }
}
