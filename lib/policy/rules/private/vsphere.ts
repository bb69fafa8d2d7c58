// Readers and factories shared by the vSphere VM, network and passthrough rules.
import { isUnresolved } from '../../private/attributes';
import { RuleResult } from '../../rule';
import { BuiltInRule, Check, defineRule, Findings, mapPath, RuleInfo, short, stringList } from './rule-kit';

/** What `extra_config` holds under a key, compared case-insensitively (baseline convention). */
export type ExtraConfigLookup =
  | { readonly state: 'unresolved' }
  | { readonly state: 'missing' }
  | { readonly state: 'found'; readonly key: string; readonly value: unknown; readonly path: string };

/** The `extra_config` map as entries; `undefined` when the whole map is an expression. */
export function extraConfigEntries(attributes: Record<string, any>): Array<[string, unknown]> | undefined {
  const map = attributes.extra_config;
  if (map === undefined || map === null) return [];
  if (typeof map === 'string') return isUnresolved(map) ? undefined : [];
  if (typeof map !== 'object' || Array.isArray(map)) return [];
  return Object.entries(map as Record<string, unknown>);
}

/** Looks up one `extra_config` key, case-insensitively. */
export function extraConfig(attributes: Record<string, any>, key: string): ExtraConfigLookup {
  const entries = extraConfigEntries(attributes);
  if (entries === undefined) return { state: 'unresolved' };
  const hit = entries.find(([k]) => k.toLowerCase() === key.toLowerCase());
  return hit ? { state: 'found', key: hit[0], value: hit[1], path: mapPath('extra_config', hit[0]) } : { state: 'missing' };
}

/** Values of `extra_config` are strings compared case-insensitively. */
export function sameConfigValue(found: unknown, expected: string): boolean {
  return found !== undefined && found !== null && String(found).trim().toLowerCase() === expected.toLowerCase();
}

/** The description of an `extra_config` key = value rule. */
export interface ExtraConfigRuleSpec extends Omit<RuleInfo, 'resourceTypes' | 'rationale'> {
  readonly key: string;
  readonly value: string;
  readonly note?: string;
}

/**
 * A `vsphere_virtual_machine` rule requiring `extra_config[key] = value` (key and value
 * case-insensitive). A missing key fails: the library writes every key explicitly so scanners can
 * check it, even where ESXi 8 already defaults to the secure value.
 */
export function extraConfigRule(spec: ExtraConfigRuleSpec): BuiltInRule {
  const { key, value, note, ...info } = spec;
  return defineRule({
    ...info,
    resourceTypes: ['vsphere_virtual_machine'],
    rationale: `extra_config["${key}"] must be "${value}" (key and value compared case-insensitively); a missing key fails because the setting must be written explicitly for audit.${note ? ` ${note}` : ''}`,
  }, (attributes, findings) => checkExtraConfig(attributes, findings, key, value));
}

/** Fails unless `extra_config[key]` is `value` (case-insensitive); a missing key fails, an unresolved map or value is unknown. */
export function checkExtraConfig(attributes: Record<string, any>, findings: Findings, key: string, value: string): void {
  const lookup = extraConfig(attributes, key);
  const fix = `set extra_config["${key}"] = "${value}"`;
  if (lookup.state === 'unresolved') return findings.unknown('extra_config', attributes.extra_config);
  if (lookup.state === 'missing') return findings.fail(mapPath('extra_config', key), undefined, fix);
  if (isUnresolved(lookup.value)) return findings.unknown(lookup.path, lookup.value);
  if (!sameConfigValue(lookup.value, value)) findings.fail(lookup.path, lookup.value, fix);
}

/** Whether a VM passes PCI devices through: `yes`, `no`, or `unknown` (the list is an expression). */
export function passthroughState(attributes: Record<string, any>): 'yes' | 'no' | 'unknown' {
  const list = stringList(attributes.pci_device_id);
  if (list.unresolved) return 'unknown';
  return list.items.some((i) => i.value !== '') ? 'yes' : 'no';
}

/**
 * A rule that applies only to passthrough VMs (`pci_device_id` non-empty): NOT_APPLICABLE for
 * other VMs, UNKNOWN when the device list is an expression.
 */
export function passthroughRule(spec: Omit<RuleInfo, 'resourceTypes'>, check: Check): BuiltInRule {
  return defineRule({ ...spec, resourceTypes: ['vsphere_virtual_machine'] }, (attributes, findings, resource, context) => {
    const state = passthroughState(attributes);
    if (state === 'no') return RuleResult.notApplicable();
    if (state === 'unknown') return RuleResult.unknown(`pci_device_id is only known at apply (${short(attributes.pci_device_id)})`);
    return check(attributes, findings, resource, context);
  });
}

/** The provider default of `memory` (MB) when unset. */
export const DEFAULT_MEMORY_MB = 1024;

/** The hot-plug switches of vsphere_virtual_machine. */
export const HOT_PLUG_ATTRIBUTES = ['cpu_hot_add_enabled', 'cpu_hot_remove_enabled', 'memory_hot_add_enabled'];
