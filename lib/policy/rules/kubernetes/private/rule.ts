// Building blocks of the Kubernetes rules: a violation collector and two rule shapes
// (per pod template, per resource) that handle applicability, unknowns and errors once.
import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity, Violation } from '../../../rule';
import { isUnresolved } from '../../../private/attributes';
import { MANIFEST_TYPE, Pod, WORKLOAD_TYPES, locatePods } from './pod';

/** A built-in Kubernetes rule: an `IPolicyRule` with the reasoning behind it. */
export interface KubernetesRule extends IPolicyRule {
  /** Why the rule exists and how it decides (applicability, edge cases). */
  readonly rationale: string;
}

/** Collects violations and unresolved values while a rule walks a resource. */
export class Findings {
  private readonly violations: Violation[] = [];
  private readonly unknowns: string[] = [];

  /** Records a violation. `found` undefined means the attribute is missing. */
  public fail(attributePath: string, found: unknown, fix: string, detail?: string): void {
    const violation: Violation = { attributePath, fix };
    this.violations.push({
      ...violation,
      ...(found === undefined ? {} : { found }),
      ...(detail === undefined ? {} : { detail }),
    });
  }

  /** Records that a value is only known at apply. */
  public unknown(attributePath: string): void {
    this.unknowns.push(`${attributePath} is only known at apply`);
  }

  /** Records and returns true when the value is unresolved. */
  public unresolved(value: unknown, attributePath: string): boolean {
    if (!isUnresolved(value)) return false;
    this.unknown(attributePath);
    return true;
  }

  /** FAIL when anything was violated, else UNKNOWN when anything was unresolved, else PASS. */
  public result(): RuleResult {
    if (this.violations.length > 0) return RuleResult.fail(this.violations);
    if (this.unknowns.length > 0) return RuleResult.unknown(this.unknowns.join('; '));
    return RuleResult.pass();
  }
}

/** The descriptive part of a rule. */
export interface RuleInfo {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly source: string;
  readonly rationale: string;
  readonly suppressible?: boolean;
}

function safely(ruleId: string, body: () => RuleResult): RuleResult {
  try {
    return body();
  } catch (e) {
    return RuleResult.unknown(`${ruleId} could not evaluate the resource: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Options of a rule that checks every pod template of a workload. */
export interface PodRuleOptions extends RuleInfo {
  /** Also check `kubernetes_manifest` pod kinds (camelCase keys via `pod.dialect`). */
  readonly manifest?: boolean;
  /** Check only `kubernetes_manifest` (for fields the typed schema cannot express). */
  readonly manifestOnly?: boolean;
  /** Whether the rule concerns this pod at all; when no pod qualifies the result is NOT_APPLICABLE. */
  applies?(pod: Pod): boolean;
  /** Checks one pod template. */
  check(pod: Pod, findings: Findings, resource: PolicyResource, context: PolicyContext): void;
}

/**
 * A rule evaluated on each pod template of the workload kinds (and optionally of manifests).
 * Container or volume lists that are only known at apply make the result UNKNOWN unless a violation is found.
 */
export function podRule(options: PodRuleOptions): KubernetesRule {
  const { check, manifest, manifestOnly, applies, ...info } = options;
  const resourceTypes = manifestOnly ? [MANIFEST_TYPE] : manifest ? [...WORKLOAD_TYPES, MANIFEST_TYPE] : [...WORKLOAD_TYPES];
  return {
    ...info,
    resourceTypes,
    evaluate: (resource: PolicyResource, context: PolicyContext) => safely(info.ruleId, () => {
      if (!resourceTypes.includes(resource.resourceType)) return RuleResult.notApplicable();
      const lookup = locatePods(resource);
      if (!lookup.applicable) return RuleResult.notApplicable();
      if (lookup.unresolved) return RuleResult.unknown(lookup.unresolved);
      const pods = applies ? lookup.pods.filter((pod) => applies(pod)) : lookup.pods;
      if (applies && pods.length === 0) return RuleResult.notApplicable();
      const findings = new Findings();
      for (const pod of pods) {
        // a container or volume list known only at apply could hold anything: never PASS
        for (const path of pod.unresolvedBlocks) findings.unknown(path);
        check(pod, findings, resource, context);
      }
      return findings.result();
    }),
  };
}

/** Options of a rule that checks whole resources of some types. */
export interface ResourceRuleOptions extends RuleInfo {
  readonly resourceTypes: string[];
  /** Checks one resource; return a result to short-circuit (e.g. not applicable). */
  check(resource: PolicyResource, findings: Findings, context: PolicyContext): RuleResult | void;
}

/** A rule evaluated on whole resources of the given types. */
export function resourceRule(options: ResourceRuleOptions): KubernetesRule {
  const { check, ...info } = options;
  return {
    ...info,
    evaluate: (resource: PolicyResource, context: PolicyContext) => safely(info.ruleId, () => {
      if (!info.resourceTypes.includes(resource.resourceType)) return RuleResult.notApplicable();
      const findings = new Findings();
      const early = check(resource, findings, context);
      return early ?? findings.result();
    }),
  };
}
