import { findAll, isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule } from '../private/rule-kit';
import { VIRTUALBOX_PROV } from './unenforceable';

/** VBOX-NET-ISOLATED: Lab VMs stay off the physical network (no bridged or generic adapters). */
export const vboxNetIsolated = defineRule({
  ruleId: 'VBOX-NET-ISOLATED',
  title: 'Lab VMs stay off the physical network (no bridged or generic adapters)',
  severity: Severity.MEDIUM,
  source: `${VIRTUALBOX_PROV}; VirtualBox manual, Virtual Networking`,
  resourceTypes: ['virtualbox_vm'],
  rationale: 'Every network_adapter[].type must be hostonly, internal or nat. bridged puts the lab VM on the physical LAN; generic gets no driver settings at all. An approved bridged lab is an exception to suppress.',
}, (attributes, findings) => {
  if (isUnresolved(attributes.network_adapter)) return findings.unknown('network_adapter', attributes.network_adapter);
  for (const found of findAll(attributes, 'network_adapter')) {
    const type = (found.value as Record<string, any>)?.type;
    if (isUnresolved(type)) findings.unknown(`${found.path}.type`, type);
    else if (!['hostonly', 'internal', 'nat'].includes(String(type).toLowerCase())) findings.fail(`${found.path}.type`, type, 'use type = "hostonly" (with host_interface) or "internal"');
  }
});
