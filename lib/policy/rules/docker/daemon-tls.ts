import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule, isUnset } from '../private/rule-kit';

const LOCAL_OR_SSH = ['unix://', 'npipe://', 'ssh://', 'fd://'];

/**
 * DOCKER-DAEMON-TLS: the provider reaches the daemon over a local socket, SSH or mutual TLS
 * (unsuppressible). The engine passes each `docker` provider block as a pseudo-resource of type
 * `provider.docker`.
 */
export const dockerDaemonTls = defineRule({
  ruleId: 'DOCKER-DAEMON-TLS',
  title: 'The Docker provider reaches the daemon over a socket, SSH or mutual TLS',
  severity: Severity.HIGH,
  source: 'CIS-D 2.7 (client side)',
  resourceTypes: ['provider.docker'],
  suppressible: false,
  rationale: 'Evaluated on provider blocks (pseudo-resource type "provider.docker"). unix://, npipe://, fd:// and ssh:// hosts pass; any other host (tcp://...) needs '
    + 'ca_material, cert_material and key_material, or cert_path. An unset host comes from DOCKER_HOST at run time, so it is UNKNOWN, never a pass. Plain TCP hands root on the daemon host to the network: no exception.',
}, (attributes, findings) => {
  const host = attributes.host;
  if (isUnset(host)) return findings.unknownBecause('host is unset: the provider uses DOCKER_HOST from the environment (unix:///var/run/docker.sock when that is unset)');
  if (isUnresolved(host)) return findings.unknown('host', host);
  const text = String(host).trim().toLowerCase();
  if (LOCAL_OR_SSH.some((scheme) => text.startsWith(scheme))) return;
  const hasPath = !isUnset(attributes.cert_path) && !isUnresolved(attributes.cert_path);
  const missing = ['ca_material', 'cert_material', 'key_material'].filter((k) => isUnset(attributes[k]));
  if (hasPath || missing.length === 0) return;
  // a cert_path only known at apply may be empty: then the connection is plain TCP
  if (isUnresolved(attributes.cert_path)) return findings.unknown('cert_path', attributes.cert_path);
  findings.fail('host', host, `use an ssh:// or unix:// host, or give the provider mutual TLS: set ${missing.join(', ')} (or cert_path)`);
});
