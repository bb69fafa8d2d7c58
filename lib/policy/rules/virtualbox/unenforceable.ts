import { Severity } from '../../rule';
import { defineRule } from '../private/rule-kit';

/** The source every VBOX-* rule cites: the provider schema the attribute comes from. */
export const VIRTUALBOX_PROV = 'PROV shekeriev/virtualbox 0.0.4 and terra-farm/virtualbox 0.2.2-alpha.1 (shared virtualbox_vm schema)';

/** A control a secure VM has on vSphere or Hyper-V that the VirtualBox providers cannot express. */
export interface VirtualBoxUnenforceableControl {
  /** Short id, shown as the finding detail: `VBOX-NOT-ENFORCEABLE[control=SECURE-BOOT]`. */
  readonly id: string;
  /** The control, in words. */
  readonly control: string;
  /** The attribute that would carry it on Hyper-V (the path the finding names). */
  readonly hypervAttribute: string;
  /** Why VirtualBox cannot give it. */
  readonly reason: string;
}

/** What a `VirtualBoxVm` cannot give; each is a VBOX-NOT-ENFORCEABLE finding on every `virtualbox_vm`. */
export const VIRTUALBOX_UNENFORCEABLE: VirtualBoxUnenforceableControl[] = [
  { id: 'UEFI-SECURE-BOOT', control: 'UEFI firmware with Secure Boot', hypervAttribute: 'vm_firmware.enable_secure_boot', reason: 'the provider forces BIOS firmware on every create and update.' },
  { id: 'TPM', control: 'A virtual TPM', hypervAttribute: 'tpm', reason: 'the provider has no TPM setting (VirtualBox 7 offers one through VBoxManage only).' },
  { id: 'CHECKPOINTS', control: 'Checkpoint (snapshot) control', hypervAttribute: 'checkpoint_type', reason: 'the provider has no snapshot settings; snapshots taken in the GUI save guest memory.' },
  { id: 'VLAN', control: 'VLAN isolation', hypervAttribute: 'network_adaptors.vlan_id', reason: 'the provider has no VLAN settings.' },
  { id: 'MAC-SPOOFING-GUARD', control: 'MAC spoofing protection', hypervAttribute: 'network_adaptors.mac_address_spoofing', reason: 'the provider exposes no promiscuous-mode or MAC policy.' },
  { id: 'DHCP-GUARD', control: 'DHCP guard', hypervAttribute: 'network_adaptors.dhcp_guard', reason: 'VirtualBox has no DHCP guard.' },
  { id: 'ROUTER-GUARD', control: 'Router guard', hypervAttribute: 'network_adaptors.router_guard', reason: 'VirtualBox has no router-advertisement guard.' },
  { id: 'HOST-RESOURCE-PROTECTION', control: 'Host resource protection and CPU caps', hypervAttribute: 'vm_processor.enable_host_resource_protection', reason: 'the provider sets only a vCPU count.' },
  { id: 'CONSOLE-LOCK', control: 'Console lock on disconnect', hypervAttribute: 'lock_on_disconnect', reason: 'the provider has no console settings.' },
  { id: 'AUTO-START-STOP', control: 'Automatic start and clean stop with the host', hypervAttribute: 'automatic_stop_action', reason: 'autostart is host configuration outside the provider, which always leaves the VM running.' },
];

/**
 * VBOX-NOT-ENFORCEABLE: the controls VirtualBox cannot give, reported on every `virtualbox_vm`
 * so that none passes silently. There is no compliant `virtualbox_vm`: the finding goes away only
 * by running the workload on Hyper-V or vSphere, or by a suppression whose reason says why a lab may do without.
 */
export const vboxNotEnforceable = defineRule({
  ruleId: 'VBOX-NOT-ENFORCEABLE',
  title: 'Controls of a secure VM that are not enforceable on VirtualBox',
  severity: Severity.MEDIUM,
  source: `${VIRTUALBOX_PROV}; security mapping of docs/providers-hyperv-virtualbox.md section 4`,
  resourceTypes: ['virtualbox_vm'],
  rationale: `Fails on every virtualbox_vm, once per control (detail control=<id>): ${VIRTUALBOX_UNENFORCEABLE.map((c) => c.id).join(', ')}. `
    + 'The attribute path names the Hyper-V attribute that would carry the control. Suppress it with a reason for developer labs; place anything that needs these controls on Hyper-V (HypervSecureVm) or vSphere.',
}, (_attributes, findings) => {
  for (const c of VIRTUALBOX_UNENFORCEABLE) {
    findings.fail(c.hypervAttribute, undefined, `not enforceable on this hypervisor: ${c.control} - ${c.reason} Run the workload on Hyper-V or vSphere if it needs it, or suppress with a reason (lab only).`,
      `control=${c.id}`);
  }
});
