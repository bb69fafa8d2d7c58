// Factory for the "do not share a host namespace" rules (network, PID, IPC, user).
import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule, BuiltInRule } from '../private/rule-kit';

/** A docker_container rule that fails when `attribute` is `"host"`. */
export function hostModeRule(ruleId: string, source: string, attribute: string, namespace: string, secureHint: string): BuiltInRule {
  return defineRule({
    ruleId,
    title: `Container does not share the host ${namespace} namespace`,
    severity: Severity.HIGH,
    source,
    resourceTypes: ['docker_container'],
    rationale: `${attribute} = "host" puts the container in the host's ${namespace} namespace, a direct path to host escape. Unset or any other mode passes (another container's namespace is not the host's).`,
  }, (attributes, findings) => {
    const value = attributes[attribute];
    if (isUnresolved(value)) findings.unknown(attribute, value);
    else if (typeof value === 'string' && value.trim().toLowerCase() === 'host') {
      findings.fail(attribute, value, `remove ${attribute} or set it to ${secureHint}`);
    }
  });
}
