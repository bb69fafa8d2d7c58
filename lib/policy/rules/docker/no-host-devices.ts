import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity } from '../../rule';
import { runCheck } from '../private/rule-kit';
import { checkDevices, normalizeDevices } from './device-check';

/** Site input of the DOCKER-NO-HOST-DEVICES rule. */
export interface DockerHostDevicesRuleOptions {
  /**
   * Host device nodes (`devices[].host_path`) that may be exposed, with permissions "r" or "rw".
   * @default - none
   */
  readonly allowedDevicePaths?: string[];
}

/**
 * DOCKER-NO-HOST-DEVICES: host devices are not exposed (GPU nodes are PT-DOCKER-GPU's business).
 */
export class DockerHostDevicesRule implements IPolicyRule {
  /** The control id. */
  public readonly ruleId: string = 'DOCKER-NO-HOST-DEVICES';
  /** What the rule requires. */
  public readonly title: string = 'Host devices are not exposed to the container';
  /** Medium. */
  public readonly severity: Severity = Severity.MEDIUM;
  /** CIS Docker Benchmark item. */
  public readonly source: string = 'CIS-D 5.18';
  /** `docker_container`. */
  public readonly resourceTypes: string[] = ['docker_container'];
  /** Findings may be suppressed with a reason. */
  public readonly suppressible?: boolean = true;
  /** How the rule decides. */
  public readonly rationale: string;
  private readonly allowed: string[];

  constructor(options: DockerHostDevicesRuleOptions = {}) {
    this.allowed = normalizeDevices(options.allowedDevicePaths);
    this.rationale = 'Every devices[] entry fails unless its host_path is allow-listed and its permissions are "r" or "rw" (unset is "rwm"). '
      + 'GPU device nodes (/dev/nvidia*, /dev/dri, /dev/kfd) are left to PT-DOCKER-GPU so one device gives one finding.';
  }

  /** Checks one resource. */
  public evaluate(resource: PolicyResource, context: PolicyContext): RuleResult {
    return runCheck(this.resourceTypes, resource, context, (attributes, findings) => {
      checkDevices(attributes, findings, this.allowed, false, 'DockerHostDevicesRule allowedDevicePaths');
    });
  }
}
