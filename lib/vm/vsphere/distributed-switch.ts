import { isIP } from 'net';
import { DistributedVirtualSwitch } from '@cdktf/provider-vsphere/lib/distributed-virtual-switch';
import { Annotations } from 'cdktf';
import { Construct, IConstruct } from 'constructs';
import { RemovalPolicies, RemovalPolicy } from '../../core';
import { invalid } from '../../core/private/errors';
import { checkIntegerRange, checkPort, isUnresolved } from '../../core/private/validation';
import { addSynthNote } from '../../core/private/notes';
import { checkArgs, checkConstruct } from '../../core/private/shapes';
import { vsphere } from './private/providers';

/**
 * A distributed virtual switch as a port group sees it.
 *
 * Implemented by `SecureDistributedSwitch`, and by `SecureDistributedSwitch.fromLookup` for a switch
 * managed elsewhere.
 */
export interface IDistributedVirtualSwitch extends IConstruct {
  /** The switch's UUID (`vsphere_distributed_virtual_switch.id`), what `distributed_virtual_switch_uuid` takes. */
  readonly distributedVirtualSwitchUuid: string;
}

/** What a switch does with CDP/LLDP (`link_discovery_operation`). */
export enum LinkDiscoveryOperation {
  /** Neither listen nor advertise (NET-DVS-DISCOVERY). The library default. */
  NONE = 'none',
  /** Listen only: the vSphere default. */
  LISTEN = 'listen',
  /** Advertise only. */
  ADVERTISE = 'advertise',
  /** Listen and advertise. */
  BOTH = 'both',
}

/** Link discovery protocol (`link_discovery_protocol`). */
export enum LinkDiscoveryProtocol {
  /** Cisco Discovery Protocol. */
  CDP = 'cdp',
  /** Link Layer Discovery Protocol. */
  LLDP = 'lldp',
}

/** An ESXi host joined to a distributed switch, with the physical NICs it gives the switch's uplinks. */
export interface DistributedSwitchHost {
  /** The host's managed object id (`data.vsphere_host.id`). */
  readonly hostSystemId: string;
  /** Physical NICs of the host to attach as uplinks, e.g. `["vmnic2", "vmnic3"]`. */
  readonly devices: string[];
}

/** Props of `SecureDistributedSwitch.fromLookup`. */
export interface DistributedSwitchLookupProps {
  /** Name of the existing switch. */
  readonly name: string;
  /** The datacenter id (e.g. `template.datacenterId`). */
  readonly datacenterId: string;
}

/** Props of `SecureDistributedSwitch`. */
export interface SecureDistributedSwitchProps {
  /** Name of the switch, unique in its folder. */
  readonly name: string;
  /** The datacenter to create it in (e.g. `template.datacenterId`). */
  readonly datacenterId: string;
  /**
   * Switch version: 6.5.0, 6.6.0, 7.0.0, 7.0.2, 7.0.3, 8.0.0, 8.0.3 or 9.0.0 (upgrade only).
   * @default - the newest version vCenter supports
   */
  readonly version?: string;
  /**
   * Names of the uplink ports; their count is the number of uplinks per host.
   * @default - the provider's four uplinks (`uplink1` to `uplink4`)
   */
  readonly uplinks?: string[];
  /**
   * Uplinks used actively by the default teaming policy (a subset of `uplinks`).
   * @default - vSphere's default teaming order
   */
  readonly activeUplinks?: string[];
  /**
   * Standby uplinks of the default teaming policy (a subset of `uplinks`, disjoint from `activeUplinks`).
   * @default - none
   */
  readonly standbyUplinks?: string[];
  /**
   * Hosts to join, each with the physical NICs that back its uplinks.
   * @default - no host (join hosts later)
   */
  readonly hosts?: DistributedSwitchHost[];
  /**
   * Largest MTU on the switch, 1280-9000.
   * @default - 1500 (vSphere default)
   */
  readonly maxMtu?: number;
  /**
   * CDP/LLDP operation (NET-DVS-DISCOVERY, STIG VCSA-80-000299). Anything but NONE is warned about.
   * @default LinkDiscoveryOperation.NONE
   */
  readonly linkDiscoveryOperation?: LinkDiscoveryOperation;
  /**
   * Link discovery protocol; only used when `linkDiscoveryOperation` is not NONE.
   * @default - the provider's default (CDP)
   */
  readonly linkDiscoveryProtocol?: LinkDiscoveryProtocol;
  /**
   * Network I/O Control (NET-DVS-NIOC, STIG VCSA-80-000110): shares and limits protect the switch
   * from a flooding VM. Turning it off is warned about.
   * @default true
   */
  readonly networkResourceControlEnabled?: boolean;
  /**
   * NetFlow collector (IPv4 or IPv6 address) the switch exports flow data to. Must be one of
   * `approvedNetflowCollectors` (NET-NETFLOW, STIG VCSA-80-000271). Port groups still export only
   * when they enable NetFlow themselves.
   * @default - no collector
   */
  readonly netflowCollectorIpAddress?: string;
  /**
   * Port of the NetFlow collector.
   * @default - the provider's default
   */
  readonly netflowCollectorPort?: number;
  /**
   * NetFlow collectors the site has authorised (site input). Required with `netflowCollectorIpAddress`;
   * give the same list to the policy engine's `NetFlowRule` (`approvedCollectors`).
   * @default - none
   */
  readonly approvedNetflowCollectors?: string[];
  /**
   * Description.
   * @default - none
   */
  readonly description?: string;
  /**
   * Folder for the switch, relative to the datacenter's network folder.
   * @default - the datacenter's network folder
   */
  readonly folder?: string;
  /**
   * Tag ids.
   * @default - none
   */
  readonly tags?: string[];
  /**
   * What happens to the switch on destroy. Destroying a switch disconnects every VM and VMkernel
   * adapter on it.
   * @default RemovalPolicy.RETAIN (`lifecycle.prevent_destroy = true`)
   */
  readonly removalPolicy?: RemovalPolicy;
}

const VERSIONS = ['6.5.0', '6.6.0', '7.0.0', '7.0.2', '7.0.3', '8.0.0', '8.0.3', '9.0.0'];
const BRAND = Symbol.for('cdktf-hybrid.SecureDistributedSwitch');

function isIpAddress(value: string): boolean {
  return isIP(value) !== 0;
}

class ExistingDistributedSwitch extends Construct implements IDistributedVirtualSwitch {
  public readonly distributedVirtualSwitchUuid: string;
  constructor(scope: Construct, id: string, props: DistributedSwitchLookupProps) {
    super(scope, id);
    if (typeof props.name !== 'string' || props.name.trim() === '') {
      throw invalid(this, 'name', 'is required', props.name, 'Give the name of the existing distributed switch.');
    }
    this.distributedVirtualSwitchUuid = new vsphere.DataVsphereDistributedVirtualSwitch(this, 'Resource', {
      name: props.name, datacenterId: props.datacenterId,
    }).id;
  }
}

/**
 * A distributed virtual switch (`vsphere_distributed_virtual_switch`) with the switch-level
 * controls of security-baseline.md section 4.
 *
 * Secure defaults, each with the prop that loosens it:
 * - The switch's default port policy rejects promiscuous mode, forged transmits and MAC changes
 *   (NET-DVPG-PROMISCUOUS/FORGED/MACCHANGE, STIG VCSA-80-000270/268/269: "set on both" the switch
 *   and its port groups). No prop: use `resource` (escape hatch); the policy engine reports it.
 * - `link_discovery_operation = "none"` (NET-DVS-DISCOVERY, VCSA-80-000299; `linkDiscoveryOperation`).
 * - `network_resource_control_enabled = true` (NET-DVS-NIOC, VCSA-80-000110; `networkResourceControlEnabled`).
 * - NetFlow off in the default port policy and no collector; a collector must be on
 *   `approvedNetflowCollectors` (NET-NETFLOW, VCSA-80-000271).
 * - `lifecycle.prevent_destroy = true` (`removalPolicy`).
 *
 * Not expressible in vmware/vsphere 2.15.0 and reported as info: VLAN/MTU and teaming health
 * checks (NET-DVS-HEALTHCHECK, VCSA-80-000267; vSphere default off), port mirroring
 * (NET-DVS-PORT-MIRROR, VCSA-80-000300; the library never creates sessions) and MAC learning
 * (NET-DVPG-MAC-LEARNING; vSphere default off).
 *
 * @see https://registry.terraform.io/providers/vmware/vsphere/2.15.0/docs/resources/distributed_virtual_switch
 */
export class SecureDistributedSwitch extends Construct implements IDistributedVirtualSwitch {
  /** True for a `SecureDistributedSwitch` from any copy of the library. */
  public static isSecureDistributedSwitch(x: any): x is SecureDistributedSwitch {
    return typeof x === 'object' && x !== null && BRAND in x;
  }

  /**
   * An existing switch looked up by name (`data.vsphere_distributed_virtual_switch`), for port groups.
   *
   * The library does not manage that switch, so its NET-DVS-* settings are not checked.
   */
  public static fromLookup(scope: Construct, id: string, props: DistributedSwitchLookupProps): IDistributedVirtualSwitch {
    checkArgs('SecureDistributedSwitch.fromLookup', 'SecureDistributedSwitch.fromLookup', [scope, id, props]);
    return new ExistingDistributedSwitch(scope, id, props);
  }

  /** The underlying `vsphere_distributed_virtual_switch`. */
  public readonly resource: DistributedVirtualSwitch;
  /** The switch's UUID, for `SecurePortGroup`. */
  public readonly distributedVirtualSwitchUuid: string;
  /** The CDP/LLDP operation. */
  public readonly linkDiscoveryOperation: LinkDiscoveryOperation;
  /** Whether Network I/O Control is on. */
  public readonly networkResourceControlEnabled: boolean;
  /**
   * The approved NetFlow collector, if any.
   * @default - none
   */
  public readonly netflowCollectorIpAddress?: string;

  constructor(scope: Construct, id: string, props: SecureDistributedSwitchProps) {
    checkConstruct(scope, id, 'SecureDistributedSwitch', [props]);
    super(scope, id);
    Object.defineProperty(this, BRAND, { value: true });
    if (typeof props.name !== 'string' || props.name.trim() === '' || props.name.length > 80) {
      throw invalid(this, 'name', 'must be 1-80 characters', props.name, 'Use a name such as "dvs-prod".');
    }
    if (typeof props.datacenterId !== 'string' || props.datacenterId === '') {
      throw invalid(this, 'datacenterId', 'is required', props.datacenterId, 'Pass the datacenter id, e.g. template.datacenterId.');
    }
    if (props.version !== undefined && !isUnresolved(props.version) && !VERSIONS.includes(props.version)) {
      throw invalid(this, 'version', 'is not a distributed switch version the provider accepts', props.version, `Use one of ${VERSIONS.join(', ')}.`);
    }
    if (props.maxMtu !== undefined) checkIntegerRange(this, 'maxMtu', props.maxMtu, 1280, 9000, 'Use 1500, or up to 9000 for jumbo frames.');
    this.checkUplinks(props);
    this.linkDiscoveryOperation = props.linkDiscoveryOperation ?? LinkDiscoveryOperation.NONE;
    if (!Object.values(LinkDiscoveryOperation).includes(this.linkDiscoveryOperation)) {
      throw invalid(this, 'linkDiscoveryOperation', 'is not a known operation', this.linkDiscoveryOperation, 'Use LinkDiscoveryOperation.NONE.');
    }
    if (props.linkDiscoveryProtocol !== undefined && !Object.values(LinkDiscoveryProtocol).includes(props.linkDiscoveryProtocol)) {
      throw invalid(this, 'linkDiscoveryProtocol', 'is not a known protocol', props.linkDiscoveryProtocol, 'Use LinkDiscoveryProtocol.LLDP or LinkDiscoveryProtocol.CDP.');
    }
    this.networkResourceControlEnabled = props.networkResourceControlEnabled ?? true;
    this.netflowCollectorIpAddress = this.checkNetflow(props);

    if (this.linkDiscoveryOperation !== LinkDiscoveryOperation.NONE) {
      Annotations.of(this).addWarning(`linkDiscoveryOperation is "${this.linkDiscoveryOperation}": the switch exposes or collects CDP/LLDP data; `
        + 'NET-DVS-DISCOVERY (STIG VCSA-80-000299) will report it. Suppress it with the reason if discovery is used on purpose.');
    }
    if (!this.networkResourceControlEnabled) {
      Annotations.of(this).addWarning('networkResourceControlEnabled is false: no Network I/O Control against a flooding VM; NET-DVS-NIOC (STIG VCSA-80-000110) will report it.');
    }
    if (props.removalPolicy === RemovalPolicy.DESTROY) {
      Annotations.of(this).addWarning('removalPolicy is DESTROY: terraform destroy deletes the switch and disconnects everything on it.');
    }
    addSynthNote(this, 'NET-DVS-HEALTHCHECK', 'NET-DVS-HEALTHCHECK (STIG VCSA-80-000267), NET-DVS-PORT-MIRROR (STIG VCSA-80-000300) and NET-DVPG-MAC-LEARNING '
      + '(SCG8 vcenter-8.network-mac-learning) are not expressible in vmware/vsphere 2.15.0: vSphere leaves health checks and MAC learning off '
      + 'and the library creates no mirroring session; audit the switch after apply.');

    this.resource = new vsphere.DistributedVirtualSwitch(this, 'Resource', {
      name: props.name,
      datacenterId: props.datacenterId,
      version: props.version,
      description: props.description,
      folder: props.folder,
      tags: props.tags,
      uplinks: props.uplinks,
      activeUplinks: props.activeUplinks,
      standbyUplinks: props.standbyUplinks,
      host: props.hosts?.map((h) => ({ hostSystemId: h.hostSystemId, devices: h.devices })),
      maxMtu: props.maxMtu,
      allowPromiscuous: false,
      allowForgedTransmits: false,
      allowMacChanges: false,
      linkDiscoveryOperation: this.linkDiscoveryOperation,
      linkDiscoveryProtocol: props.linkDiscoveryProtocol,
      networkResourceControlEnabled: this.networkResourceControlEnabled,
      netflowEnabled: false,
      netflowCollectorIpAddress: this.netflowCollectorIpAddress,
      netflowCollectorPort: props.netflowCollectorPort,
    });
    RemovalPolicies.apply(this.resource, props.removalPolicy);
    this.distributedVirtualSwitchUuid = this.resource.id;
  }

  private checkUplinks(props: SecureDistributedSwitchProps): void {
    const uplinks = props.uplinks;
    if (uplinks !== undefined) {
      if (!Array.isArray(uplinks) || uplinks.length === 0 || uplinks.length > 32) {
        throw invalid(this, 'uplinks', 'must list 1-32 uplink names', uplinks, 'Name the uplinks, e.g. ["uplink1", "uplink2"].');
      }
      uplinks.forEach((u, i) => {
        if (typeof u !== 'string' || u.trim() === '') throw invalid(this, `uplinks[${i}]`, 'must be a non-empty name', u, 'Name the uplink, e.g. "uplink1".');
        if (uplinks.indexOf(u) !== i) throw invalid(this, `uplinks[${i}]`, 'is listed twice', u, 'Give every uplink a unique name.');
      });
    }
    for (const prop of ['activeUplinks', 'standbyUplinks'] as const) {
      (props[prop] ?? []).forEach((u, i) => {
        if (uplinks !== undefined && !uplinks.includes(u)) {
          throw invalid(this, `${prop}[${i}]`, 'is not one of uplinks', u, `Use one of ${JSON.stringify(uplinks)}.`);
        }
        if (prop === 'standbyUplinks' && (props.activeUplinks ?? []).includes(u)) {
          throw invalid(this, `${prop}[${i}]`, 'is also an active uplink', u, 'An uplink is either active or standby.');
        }
      });
    }
    const hostIds = new Set<string>();
    (props.hosts ?? []).forEach((h, i) => {
      if (typeof h.hostSystemId !== 'string' || h.hostSystemId === '') {
        throw invalid(this, `hosts[${i}].hostSystemId`, 'is required', h.hostSystemId, 'Pass the host id, e.g. new DataVsphereHost(...).id.');
      }
      if (!isUnresolved(h.hostSystemId)) {
        if (hostIds.has(h.hostSystemId)) throw invalid(this, `hosts[${i}].hostSystemId`, 'is listed twice', h.hostSystemId, 'List every host once.');
        hostIds.add(h.hostSystemId);
      }
      if (!Array.isArray(h.devices) || h.devices.length === 0 || h.devices.some((d) => typeof d !== 'string' || d.trim() === '')) {
        throw invalid(this, `hosts[${i}].devices`, 'must list the physical NICs for the uplinks', h.devices, 'Give the host\'s free NICs, e.g. ["vmnic2", "vmnic3"].');
      }
      const uplinkCount = uplinks?.length ?? 4;
      if (h.devices.length > uplinkCount) {
        throw invalid(this, `hosts[${i}].devices`, `has more NICs than the switch has uplinks (${uplinkCount})`, h.devices, 'Add uplinks, or attach fewer NICs.');
      }
    });
  }

  private checkNetflow(props: SecureDistributedSwitchProps): string | undefined {
    const collector = props.netflowCollectorIpAddress;
    if (props.netflowCollectorPort !== undefined) {
      if (collector === undefined) {
        throw invalid(this, 'netflowCollectorPort', 'needs netflowCollectorIpAddress', props.netflowCollectorPort, 'Set the collector address too, or drop the port.');
      }
      checkPort(this, 'netflowCollectorPort', props.netflowCollectorPort);
    }
    if (collector === undefined) return undefined;
    if (isUnresolved(collector)) {
      throw invalid(this, 'netflowCollectorIpAddress', 'must be a literal address so it can be checked against approvedNetflowCollectors (NET-NETFLOW)', collector,
        'Give the collector address as a literal, e.g. "10.0.5.20".');
    }
    if (typeof collector !== 'string' || !isIpAddress(collector)) {
      throw invalid(this, 'netflowCollectorIpAddress', 'is not an IPv4 or IPv6 address', collector, 'Write it as an address, e.g. "10.0.5.20".');
    }
    const approved = (props.approvedNetflowCollectors ?? []).map((c) => String(c).trim().toLowerCase());
    if (approved.length === 0) {
      throw invalid(this, 'approvedNetflowCollectors', 'must list the authorised collectors when netflowCollectorIpAddress is set (NET-NETFLOW, STIG VCSA-80-000271)',
        props.approvedNetflowCollectors, `Add the site's approved collectors, e.g. ["${collector}"] if it is authorised.`);
    }
    if (!approved.includes(collector.trim().toLowerCase())) {
      throw invalid(this, 'netflowCollectorIpAddress', 'is not an approved NetFlow collector (NET-NETFLOW, STIG VCSA-80-000271)', collector,
        `Export only to one of ${JSON.stringify(props.approvedNetflowCollectors)}.`);
    }
    Annotations.of(this).addInfo(`NetFlow collector ${collector} is approved here; give the same list to the policy engine (NetFlowRule approvedCollectors) so NET-NETFLOW passes.`);
    return collector;
  }
}
