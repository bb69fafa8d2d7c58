import { checkArgs } from '../../../core/private/shapes';
import { Severity } from '../../rule';
import { ConfigurableRule } from '../private/rule-kit';
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
export class DockerHostDevicesRule extends ConfigurableRule {
  constructor(options: DockerHostDevicesRuleOptions = {}) {
    checkArgs('DockerHostDevicesRule', 'DockerHostDevicesRule', [options]);
    const allowed = normalizeDevices(options.allowedDevicePaths);
    super({
      ruleId: 'DOCKER-NO-HOST-DEVICES',
      title: 'Host devices are not exposed to the container',
      severity: Severity.MEDIUM,
      source: 'CIS-D 5.18',
      resourceTypes: ['docker_container'],
      rationale: 'Every devices[] entry fails unless its host_path is allow-listed and its permissions are "r" or "rw" (unset is "rwm"). '
        + 'GPU device nodes (/dev/nvidia*, /dev/dri, /dev/kfd) are left to PT-DOCKER-GPU so one device gives one finding.',
    }, (attributes, findings) => {
      checkDevices(attributes, findings, allowed, false, 'DockerHostDevicesRule allowedDevicePaths');
    });
  }
}
