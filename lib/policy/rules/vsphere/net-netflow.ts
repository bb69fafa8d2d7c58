import { checkArgs } from '../../../core/private/shapes';
import { isUnresolved, referencedResources } from '../../private/attributes';
import { Severity } from '../../rule';
import { ConfigurableRule, isTrue, isUnset } from '../private/rule-kit';

/** Site input of the NET-NETFLOW rule. */
export interface NetFlowRuleOptions {
  /**
   * NetFlow collector addresses that are authorised to receive flow data.
   * @default - none: any NetFlow export fails
   */
  readonly approvedCollectors?: string[];
}

/**
 * NET-NETFLOW: NetFlow only to authorised collectors.
 */
export class NetFlowRule extends ConfigurableRule {
  constructor(options: NetFlowRuleOptions = {}) {
    checkArgs('NetFlowRule', 'NetFlowRule', [options]);
    const approved = (options.approvedCollectors ?? []).map((c) => c.trim().toLowerCase());
    super({
      ruleId: 'NET-NETFLOW',
      title: 'NetFlow is exported only to authorised collectors',
      severity: Severity.MEDIUM,
      source: 'STIG VCSA-80-000271; SCG8 vcenter-8.network-restrict-netflow-usage',
      resourceTypes: ['vsphere_distributed_virtual_switch', 'vsphere_distributed_port_group'],
      rationale: 'On a switch, a netflow_collector_ip_address outside the approved list fails. On a port group, netflow_enabled = true fails unless its switch '
        + '(found in the stack through distributed_virtual_switch_uuid) exports to an approved collector; a switch outside the stack makes it UNKNOWN. '
        + `Approved collectors: ${approved.join(', ') || 'none'}.`,
    }, (attributes, findings, resource, context) => {
      const isApproved = (collector: unknown) => approved.includes(String(collector).trim().toLowerCase());
      if (resource.resourceType === 'vsphere_distributed_virtual_switch') {
        const collector = attributes.netflow_collector_ip_address;
        if (isUnset(collector)) return;
        if (isApproved(collector)) return;
        if (isUnresolved(collector)) return findings.unknown('netflow_collector_ip_address', collector);
        return findings.fail('netflow_collector_ip_address', collector, approved.length
          ? `export only to an approved collector (${approved.join(', ')}), or remove the collector`
          : 'remove the NetFlow collector, or add it to the approved collectors (NetFlowRule approvedCollectors)');
      }
      const enabled = attributes.netflow_enabled;
      if (isUnresolved(enabled)) return findings.unknown('netflow_enabled', enabled);
      if (!isTrue(enabled)) return;
      const [dvs] = referencedResources(attributes.distributed_virtual_switch_uuid, context, ['vsphere_distributed_virtual_switch']);
      if (!dvs) return findings.unknownBecause('netflow_enabled = true and the switch (distributed_virtual_switch_uuid) is not in this stack, so its collector is unknown');
      const collector = dvs.attributes?.netflow_collector_ip_address;
      if (!isUnset(collector) && isApproved(collector)) return;
      if (isUnresolved(collector)) return findings.unknown(`${dvs.address}.netflow_collector_ip_address`, collector);
      findings.fail('netflow_enabled', enabled, 'set netflow_enabled = false, or export to an approved collector on the switch', `collector=${collector ?? 'unset'}`);
    });
  }
}
