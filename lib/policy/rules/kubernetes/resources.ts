import { Cpu, Size } from '../../../core/quantity';
import { Severity } from '../../rule';
import { Found, isUnresolved } from '../../private/attributes';
import { Container, Pod, at, pathOf, podRule } from './private/pod';
import { Findings } from '../private/rule-kit';

type Parsed = { ok: true; amount: number } | { ok: false } | { ok: 'unknown' };

function parse(resource: 'cpu' | 'memory', value: unknown): Parsed {
  if (isUnresolved(value)) return { ok: 'unknown' };
  try {
    const text = String(value);
    return { ok: true, amount: resource === 'cpu' ? Cpu.parse(text).inMillicores : Size.parse(text).inBytes };
  } catch {
    return { ok: false };
  }
}

function checkContainer(pod: Pod, container: Container, findings: Findings): void {
  const resourcesPath = pathOf(pod, container.path, 'resources');
  const blocks: Found[] = at(pod, container, 'resources');
  const parsed: Record<string, Parsed | undefined> = {};
  for (const kind of ['requests', 'limits']) {
    const map = blocks.map((b) => at(pod, b, kind)[0]).find((f) => f !== undefined);
    const mapPath = map?.path ?? `${resourcesPath}.${kind}`;
    if (map && findings.unresolved(map.value, map.path)) {
      parsed[`${kind}.cpu`] = parsed[`${kind}.memory`] = { ok: 'unknown' };
      continue;
    }
    for (const resource of ['cpu', 'memory'] as const) {
      const path = `${mapPath}["${resource}"]`;
      const value = map && typeof map.value === 'object' && map.value !== null ? (map.value as Record<string, unknown>)[resource] : undefined;
      if (value === undefined || value === null || value === '') {
        findings.fail(path, value === undefined ? undefined : value, `set resources.${kind}["${resource}"], e.g. ${resource === 'cpu' ? '"250m"' : '"256Mi"'}`, container.detail);
        continue;
      }
      const result = parse(resource, value);
      parsed[`${kind}.${resource}`] = result;
      if (result.ok === 'unknown') findings.unknown(path);
      else if (!result.ok) {
        findings.fail(path, value, `write a valid Kubernetes quantity, e.g. ${resource === 'cpu' ? '"250m" or "1"' : '"256Mi" or "1Gi"'}`, container.detail);
      }
    }
  }
  for (const resource of ['cpu', 'memory']) {
    const request = parsed[`requests.${resource}`];
    const limit = parsed[`limits.${resource}`];
    if (request?.ok === true && limit?.ok === true && request.amount > limit.amount) {
      const requestPath = `${at(pod, container, 'resources.requests')[0]?.path ?? `${resourcesPath}.requests`}["${resource}"]`;
      const map = at(pod, container, 'resources.requests')[0]?.value as Record<string, unknown>;
      findings.fail(requestPath, map[resource], `lower resources.requests["${resource}"] to at most resources.limits["${resource}"]`, container.detail);
    }
  }
}

/** K8S-RESOURCES: every container declares CPU and memory requests and limits, with requests ≤ limits. */
export const resources = podRule({
  ruleId: 'K8S-RESOURCES',
  title: 'Every container sets CPU and memory requests and limits, requests <= limits',
  severity: Severity.MEDIUM,
  source: 'NSA §Resource policies (KS C-0270, C-0271)',
  rationale: 'Without limits one pod can starve its node (denial of service); without requests the scheduler '
    + 'over-commits. All four values must be set and parse as Kubernetes quantities (unparseable fails), and each '
    + 'request must not exceed its limit. Init containers are checked too. Also checks kubernetes_manifest pods.',
  manifest: true,
  requires: ['resources.requests["cpu"]', 'resources.requests["memory"]', 'resources.limits["cpu"]', 'resources.limits["memory"]'],
  check: (pod, findings) => {
    for (const container of pod.containers) checkContainer(pod, container, findings);
  },
});
