import { isUnresolved } from '../../private/attributes';
import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity } from '../../rule';
import { isUnset, runCheck } from '../private/rule-kit';
import { checkDevices, normalizeDevices } from './device-check';

/** Site input of the PT-DOCKER-GPU rule. */
export interface DockerGpuRuleOptions {
  /**
   * GPU device nodes that containers may receive through `devices[]`, e.g. `['/dev/nvidia0', '/dev/nvidiactl', '/dev/nvidia-uvm']`.
   * @default - none
   */
  readonly allowedDevicePaths?: string[];
}

/**
 * PT-DOCKER-GPU: GPU exposure to containers is an explicit, allow-listed exception.
 */
export class DockerGpuRule implements IPolicyRule {
  /** The control id. */
  public readonly ruleId: string = 'PT-DOCKER-GPU';
  /** What the rule requires. */
  public readonly title: string = 'GPUs reach a container only as allow-listed device nodes';
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

  constructor(options: DockerGpuRuleOptions = {}) {
    this.allowed = normalizeDevices(options.allowedDevicePaths);
    this.rationale = 'gpus fails whenever set: the provider supports only "all", i.e. every host GPU. GPU device nodes in devices[] (/dev/nvidia*, /dev/dri, /dev/kfd) '
      + 'fail unless allow-listed (allowedDevicePaths) with permissions "r" or "rw". A GPU container is an exception: suppress with the approval as reason, or allow-list its nodes.';
  }

  /** Checks one resource. */
  public evaluate(resource: PolicyResource, context: PolicyContext): RuleResult {
    return runCheck(this.resourceTypes, resource, context, (attributes, findings) => {
      const gpus = attributes.gpus;
      if (isUnresolved(gpus)) findings.unknown('gpus', gpus);
      else if (!isUnset(gpus)) findings.fail('gpus', gpus, 'remove gpus (it exposes every host GPU); pass the specific device nodes through devices[] and allow-list them');
      checkDevices(attributes, findings, this.allowed, true, 'DockerGpuRule allowedDevicePaths');
    });
  }
}
