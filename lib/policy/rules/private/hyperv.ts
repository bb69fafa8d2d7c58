// Readers shared by the HV-* rules: the network adaptors of a hyperv_machine_instance, On/Off
// switches (strings in this provider) and the single vm_firmware / vm_processor block.
import { asBlocks, findAll, isUnresolved } from '../../private/attributes';
import { BuiltInRule, defineRule, Findings, RuleInfo } from './rule-kit';

/** The source every HV-* rule cites besides its own: the provider schema the attribute comes from. */
export const HYPERV_PROV = 'PROV taliesins/hyperv 1.2.1';

/** Calls `check` for every literal adaptor block with its path; an unresolved adaptor list is UNKNOWN. */
export function eachAdaptor(attributes: Record<string, any>, findings: Findings, check: (adaptor: Record<string, any>, path: string) => void): void {
  if (isUnresolved(attributes.network_adaptors)) return findings.unknown('network_adaptors', attributes.network_adaptors);
  for (const found of findAll(attributes, 'network_adaptors')) {
    if (typeof found.value === 'object' && found.value !== null) check(found.value as Record<string, any>, found.path);
  }
}

/**
 * Checks an On/Off switch of a block: fails unless it is `secure` (unset counts as `providerDefault`).
 * Compared case-insensitively, as the provider validates.
 */
export function checkOnOff(block: Record<string, any>, attribute: string, path: string, secure: 'On' | 'Off', providerDefault: 'On' | 'Off',
  findings: Findings, fix: string): void {
  const value = block[attribute];
  if (isUnresolved(value)) return findings.unknown(path, value);
  const effective = value === undefined || value === null ? providerDefault : String(value);
  if (effective.toLowerCase() !== secure.toLowerCase()) findings.fail(path, value, fix);
}

/** The first block of a max-1 block list (`vm_firmware`, `vm_processor`), or undefined. */
export function singleBlock(attributes: Record<string, any>, name: string): Record<string, any> | undefined {
  return asBlocks(attributes[name])[0];
}

/** The description of a rule that requires one On/Off switch of every network adaptor to hold a value. */
export interface AdaptorSwitchRuleSpec extends Omit<RuleInfo, 'resourceTypes'> {
  readonly attribute: string;
  readonly secure: 'On' | 'Off';
  /** What the provider applies when the attribute is unset. */
  readonly providerDefault: 'On' | 'Off';
}

/** A `hyperv_machine_instance` rule requiring `network_adaptors[].<attribute>` = `secure` on every adaptor. */
export function adaptorSwitchRule(spec: AdaptorSwitchRuleSpec): BuiltInRule {
  const { attribute, secure, providerDefault, ...info } = spec;
  return defineRule({ ...info, resourceTypes: ['hyperv_machine_instance'] }, (attributes, findings) => {
    eachAdaptor(attributes, findings, (a, p) => checkOnOff(a, attribute, `${p}.${attribute}`, secure, providerDefault, findings, `set ${attribute} = "${secure}"`));
  });
}
