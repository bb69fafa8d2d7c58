import { Severity } from '../../rule';
import { findAll, isUnresolved } from '../../private/attributes';
import { NAMESPACE_TYPES, joinPath } from './private/pod';
import { defineRule } from '../private/rule-kit';

const PREFIX = 'pod-security.kubernetes.io/';

/** K8S-PSA-LABELS: namespace enforces, warns and audits at restricted, with the policy version pinned. */
export const psaLabels = defineRule({
  ruleId: 'K8S-PSA-LABELS',
  title: 'Namespaces enforce, warn and audit Pod Security "restricted" with a pinned version',
  severity: Severity.HIGH,
  source: 'PSA api/constants.go; NSA §Pod security (technical enforcement)',
  rationale: 'Pod Security Admission is the cluster\'s own backstop for everything the synth-time rules cannot see '
    + '(pods created by controllers, kubectl, other tools). enforce, warn and audit must each be "restricted", and '
    + 'each *-version must pin a minor (v1.N), never "latest", so a cluster upgrade cannot change the policy silently.',
  resourceTypes: NAMESPACE_TYPES,
}, (attributes, findings) => {
  const metadata = findAll(attributes, 'metadata')[0];
  const labelsFound = findAll(attributes, 'metadata.labels')[0];
  const base = labelsFound?.path ?? joinPath(metadata?.path ?? 'metadata', 'labels');
  if (labelsFound && findings.unresolved(labelsFound.value, labelsFound.path)) return;
  const labels = (labelsFound && typeof labelsFound.value === 'object' && labelsFound.value !== null ? labelsFound.value : {}) as Record<string, unknown>;
  for (const mode of ['enforce', 'warn', 'audit']) {
    const levelKey = `${PREFIX}${mode}`;
    const level = labels[levelKey];
    if (isUnresolved(level)) findings.unknown(`${base}["${levelKey}"]`);
    else if (level !== 'restricted') findings.fail(`${base}["${levelKey}"]`, level, `set the label ${levelKey} = "restricted"`, `mode=${mode}`);
    const versionKey = `${PREFIX}${mode}-version`;
    const version = labels[versionKey];
    if (isUnresolved(version)) findings.unknown(`${base}["${versionKey}"]`);
    else if (typeof version !== 'string' || !/^v1\.\d+$/.test(version)) {
      findings.fail(`${base}["${versionKey}"]`, version, `set the label ${versionKey} to the cluster's minor version, e.g. "v1.29" (not "latest")`, `mode=${mode}`);
    }
  }
});
