import { IPolicyRule } from './rule';
import { DOCKER_RULES } from './rules/docker';
import { HYPERV_RULES } from './rules/hyperv';
import { KUBERNETES_RULES } from './rules/kubernetes';
import { VIRTUALBOX_RULES } from './rules/virtualbox';
import { KUBERNETES_EXPOSURE_RULES } from './rules/kubernetes/service-exposure';
import { VSPHERE_RULES } from './rules/vsphere';

/**
 * The built-in rule packs, one per domain; each rule carries the control id of the security baseline.
 *
 * Every call returns a new array, so callers may add their own `IPolicyRule`s to it.
 */
export class PolicyPacks {
  /** Rules for `kubernetes_*` resources (Pod Security Standards, NSA/CISA hardening guide, Service exposure). */
  public static kubernetes(): IPolicyRule[] {
    return [...KUBERNETES_RULES, ...KUBERNETES_EXPOSURE_RULES];
  }

  /** Rules for `docker_*` resources (Docker daemon and container hardening). */
  public static docker(): IPolicyRule[] {
    return [...DOCKER_RULES];
  }

  /** Rules for `vsphere_*` resources (VM and port-group hardening). */
  public static vsphere(): IPolicyRule[] {
    return [...VSPHERE_RULES];
  }

  /** Rules for `hyperv_*` resources and the `hyperv` provider block (taliesins/hyperv 1.2.1). */
  public static hyperv(): IPolicyRule[] {
    return [...HYPERV_RULES];
  }

  /**
   * Rules for `virtualbox_vm`: the isolation a lab VM can have, and VBOX-NOT-ENFORCEABLE, which reports
   * on every VirtualBox VM the controls that are not enforceable on this hypervisor.
   */
  public static virtualbox(): IPolicyRule[] {
    return [...VIRTUALBOX_RULES];
  }

  /** Every built-in rule: Kubernetes, Docker, vSphere, Hyper-V and VirtualBox, in that order. */
  public static all(): IPolicyRule[] {
    return [...PolicyPacks.kubernetes(), ...PolicyPacks.docker(), ...PolicyPacks.vsphere(), ...PolicyPacks.hyperv(), ...PolicyPacks.virtualbox()];
  }

  private constructor() {}
}
