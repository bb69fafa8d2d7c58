import { checkArgs } from '../../../core/private/shapes';
import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { ConfigurableRule, isUnset } from '../private/rule-kit';
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
export class DockerGpuRule extends ConfigurableRule {
  constructor(options: DockerGpuRuleOptions = {}) {
    checkArgs('DockerGpuRule', 'DockerGpuRule', [options]);
    const allowed = normalizeDevices(options.allowedDevicePaths);
    super({
      ruleId: 'PT-DOCKER-GPU',
      title: 'GPUs reach a container only as allow-listed device nodes',
      severity: Severity.MEDIUM,
      source: 'CIS-D 5.18',
      resourceTypes: ['docker_container'],
      rationale: 'gpus fails whenever set: the provider supports only "all", i.e. every host GPU. GPU device nodes in devices[] (/dev/nvidia*, /dev/dri, /dev/kfd) '
        + 'fail unless allow-listed (allowedDevicePaths) with permissions "r" or "rw". A GPU container is an exception: suppress with the approval as reason, or allow-list its nodes.',
    }, (attributes, findings) => {
      const gpus = attributes.gpus;
      if (isUnresolved(gpus)) findings.unknown('gpus', gpus);
      else if (!isUnset(gpus)) findings.fail('gpus', gpus, 'remove gpus (it exposes every host GPU); pass the specific device nodes through devices[] and allow-list them');
      checkDevices(attributes, findings, allowed, true, 'DockerGpuRule allowedDevicePaths');
    });
  }
}
