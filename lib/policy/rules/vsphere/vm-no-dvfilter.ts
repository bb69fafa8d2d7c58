import { checkArgs } from '../../../core/private/shapes';
import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { ConfigurableRule, mapPath } from '../private/rule-kit';
import { extraConfigEntries } from '../private/vsphere';

const FILTER_KEY = /^ethernet\d+\.filter\d+\.name$/i;

/** Site input of the VM-NO-DVFILTER rule. */
export interface VmDvFilterRuleOptions {
  /**
   * dvFilter names (the values of `ethernet<n>.filter<m>.name`) of approved security appliances.
   * @default - none
   */
  readonly allowedFilterNames?: string[];
}

/**
 * VM-NO-DVFILTER: no dvFilter network API attachment unless a security appliance needs it.
 */
export class VmDvFilterRule extends ConfigurableRule {
  constructor(options: VmDvFilterRuleOptions = {}) {
    checkArgs('VmDvFilterRule', 'VmDvFilterRule', [options]);
    const allowed = (options.allowedFilterNames ?? []).map((n) => n.trim().toLowerCase());
    super({
      ruleId: 'VM-NO-DVFILTER',
      title: 'No dvFilter network API attachment unless approved',
      severity: Severity.LOW,
      source: 'STIG VMCH-80-000200; SCG8 vm-8.dvfilter',
      resourceTypes: ['vsphere_virtual_machine'],
      rationale: 'Every extra_config key matching ethernet<n>.filter<m>.name fails unless its value is an approved filter name (allowedFilterNames, default none).',
    }, (attributes, findings) => {
      const entries = extraConfigEntries(attributes);
      if (entries === undefined) return findings.unknown('extra_config', attributes.extra_config);
      for (const [key, value] of entries) {
        if (!FILTER_KEY.test(key)) continue;
        if (isUnresolved(value)) findings.unknown(mapPath('extra_config', key), value);
        else if (!allowed.includes(String(value).trim().toLowerCase())) {
          findings.fail(mapPath('extra_config', key), value, `remove extra_config["${key}"], or approve the filter (allowedFilterNames)`, `key=${key}`);
        }
      }
    });
  }
}
