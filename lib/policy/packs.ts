import { IPolicyRule } from './rule';
import { VIRTUALBOX_RULES } from './rules/virtualbox';

/**
 * The rule objects of the packs, loaded on first use: they are some 150 modules that `require('cdktf-hybrid')`
 * need not read (cold require, issue #17). The configurable rule classes stay exported from the package.
 */
let loaded: Record<'kubernetes' | 'docker' | 'vsphere' | 'hyperv', IPolicyRule[]> | undefined;

function packs() {
  /* eslint-disable @typescript-eslint/no-require-imports */
  return loaded ??= {
    kubernetes: [
      ...(require('./rules/kubernetes') as typeof import('./rules/kubernetes')).KUBERNETES_RULES,
      ...(require('./rules/kubernetes/service-exposure') as typeof import('./rules/kubernetes/service-exposure')).KUBERNETES_EXPOSURE_RULES,
    ],
    docker: (require('./rules/docker/pack') as typeof import('./rules/docker/pack')).DOCKER_RULES,
    vsphere: (require('./rules/vsphere/pack') as typeof import('./rules/vsphere/pack')).VSPHERE_RULES,
    hyperv: (require('./rules/hyperv/pack') as typeof import('./rules/hyperv/pack')).HYPERV_RULES,
  };
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/**
 * The built-in rule packs, one per domain; each rule carries the control id of the security baseline.
 *
 * Every call returns a new array, so callers may add their own `IPolicyRule`s to it.
 */
export class PolicyPacks {
  /** Rules for `kubernetes_*` resources (Pod Security Standards, NSA/CISA hardening guide, Service exposure). */
  public static kubernetes(): IPolicyRule[] {
    return [...packs().kubernetes];
  }

  /** Rules for `docker_*` resources (Docker daemon and container hardening). */
  public static docker(): IPolicyRule[] {
    return [...packs().docker];
  }

  /** Rules for `vsphere_*` resources (VM and port-group hardening). */
  public static vsphere(): IPolicyRule[] {
    return [...packs().vsphere];
  }

  /** Rules for `hyperv_*` resources and the `hyperv` provider block (taliesins/hyperv 1.2.1). */
  public static hyperv(): IPolicyRule[] {
    return [...packs().hyperv];
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
