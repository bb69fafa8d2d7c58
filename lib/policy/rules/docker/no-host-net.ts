import { findAll, isUnresolved, referencedAddresses } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule } from '../private/rule-kit';

/** DOCKER-NO-HOST-NET: the container does not share the host network namespace. */
export const dockerNoHostNet = defineRule({
  ruleId: 'DOCKER-NO-HOST-NET',
  title: 'Container does not share the host network namespace',
  severity: Severity.HIGH,
  source: 'CIS-D 5.10',
  resourceTypes: ['docker_container'],
  rationale: 'network_mode = "host" (or attaching the predefined "host" network through networks_advanced) gives the container the host\'s interfaces, including loopback-only services. A networks_advanced name that refers to a docker_network resource is user-defined and passes.',
}, (attributes, findings) => {
  const mode = attributes.network_mode;
  if (isUnresolved(mode)) findings.unknown('network_mode', mode);
  else if (typeof mode === 'string' && mode.trim().toLowerCase() === 'host') {
    findings.fail('network_mode', mode, 'attach a user-defined docker_network through networks_advanced instead of network_mode = "host"');
  }
  for (const network of findAll(attributes, 'networks_advanced.name')) {
    if (isUnresolved(network.value)) {
      // a docker_network of the configuration is user-defined, never the predefined "host" network
      if (!referencedAddresses(network.value).some((a) => a.startsWith('docker_network.'))) findings.unknown(network.path, network.value);
    }
    else if (String(network.value).toLowerCase() === 'host') findings.fail(network.path, network.value, 'attach a user-defined docker_network, not "host"');
  }
});
