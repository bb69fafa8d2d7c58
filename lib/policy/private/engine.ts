// The policy engine's core: pure evaluation of rules over rendered resources. Shared by the synth-time
// aspect (PolicyChecks) and the CLI; it imports nothing from cdktf, so the CLI loads fast.
import { describeValue } from '../../core/private/errors';
import { FindingStatus, PolicyFinding } from '../finding';
import { ComplianceStatus, IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity } from '../rule';
import { PolicySuppression } from '../suppressions';
import { matchingSuppression } from './suppression-metadata';
import { withReadCache } from './attributes';

/** Id of the findings that stand for a rule that threw (cdk-nag reports these the same way). */
export const RULE_ERROR_ID = 'POLICY-RULE-ERROR';

const RANK: Record<string, number> = { [Severity.LOW]: 1, [Severity.MEDIUM]: 2, [Severity.HIGH]: 3 };
const SECRET_PATH = /(password|passwd|secret|token|private_key|key_material|credential)/i;
const RULE_ID = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)+$/;

/** Numeric order of severities: LOW 1 < MEDIUM 2 < HIGH 3. */
export function severityRank(severity: Severity): number {
  return RANK[severity] ?? 0;
}

/** Parses a severity name case-insensitively, or undefined. */
export function parseSeverity(text: string): Severity | undefined {
  const upper = text.toUpperCase();
  return (Object.values(Severity) as string[]).includes(upper) ? upper as Severity : undefined;
}

/** One resource to check, with what the engine needs besides its attributes. */
export interface EngineResource {
  readonly resource: PolicyResource;
  /** Construct path, when known. */
  readonly constructPath?: string;
  /** Suppressions that apply to it, nearest first. */
  readonly suppressions: PolicySuppression[];
}

/** Problems with a rule set, as messages; empty when the rules are usable. */
export function checkRules(rules: IPolicyRule[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const rule of rules) {
    const id = rule?.ruleId;
    if (typeof id !== 'string' || !RULE_ID.test(id)) {
      problems.push(`rule id ${describeValue(id)} is not of the form DOMAIN-NAME (upper case, dash separated)`);
      continue;
    }
    if (seen.has(id)) problems.push(`rule id ${id} is used by more than one rule`);
    seen.add(id);
    if (severityRank(rule.severity) === 0) problems.push(`rule ${id} has severity ${describeValue(rule.severity)}; use Severity.HIGH, MEDIUM or LOW`);
    if (!Array.isArray(rule.resourceTypes) || rule.resourceTypes.length === 0) problems.push(`rule ${id} lists no resourceTypes`);
    if (typeof rule.evaluate !== 'function') problems.push(`rule ${id} has no evaluate method`);
  }
  return problems;
}

/** Prefix of the pseudo-resource types of provider blocks, e.g. `provider.docker`. */
export const PROVIDER_TYPE_PREFIX = 'provider.';

/** Whether a resource type is the pseudo-type of a provider block (`provider.<name>`). */
export function isProviderType(resourceType: string): boolean {
  return resourceType.startsWith(PROVIDER_TYPE_PREFIX);
}

/**
 * Whether a rule looks at resources of this type (`'*'` matches every resource type; provider blocks
 * only reach rules that name their pseudo-type, e.g. `provider.docker`).
 */
export function appliesTo(rule: IPolicyRule, resourceType: string): boolean {
  return rule.resourceTypes.includes(resourceType) || (rule.resourceTypes.includes('*') && !isProviderType(resourceType));
}

/**
 * Renders a found value for messages: JSON, shortened, redacted under secret-looking attribute names
 * (a boolean cannot hold a secret, so flags such as `automount_service_account_token` are shown).
 */
export function displayValue(attributePath: string, found: unknown): string | undefined {
  if (found === undefined) return undefined;
  if (SECRET_PATH.test(attributePath) && typeof found !== 'boolean') return '<redacted>';
  return describeValue(found);
}

/**
 * Evaluates `rules` over the resources (and provider blocks) of one stack and returns the findings (FAIL, UNKNOWN, ERROR),
 * in resource order then rule order. Rules below `minSeverity` are skipped.
 */
export function evaluateStack(stackName: string, resources: EngineResource[], rules: IPolicyRule[], minSeverity: Severity = Severity.LOW): PolicyFinding[] {
  const context: PolicyContext = { resources: resources.map((r) => r.resource).filter((r) => !isProviderType(r.resourceType)) };
  return resources.flatMap((entry) => evaluateResource(stackName, entry, rules, context, minSeverity));
}

/** Evaluates `rules` (those at or above `minSeverity` that look at its type) over one resource. */
export function evaluateResource(stackName: string, entry: EngineResource, rules: IPolicyRule[], context: PolicyContext, minSeverity: Severity = Severity.LOW): PolicyFinding[] {
  const findings: PolicyFinding[] = [];
  withReadCache(() => {
    for (const rule of applicableRules(rules, entry.resource.resourceType, minSeverity)) {
      findings.push(...evaluateOne(stackName, entry, rule, context));
    }
  });
  return findings;
}

const APPLICABLE = new WeakMap<IPolicyRule[], Map<string, IPolicyRule[]>>();

/** The rules (at or above `minSeverity`) that look at a resource type, in rule order; worked out once per rule list and type. */
function applicableRules(rules: IPolicyRule[], resourceType: string, minSeverity: Severity): IPolicyRule[] {
  let byType = APPLICABLE.get(rules);
  if (!byType) APPLICABLE.set(rules, byType = new Map());
  const key = `${rules.length}\u0000${minSeverity}\u0000${resourceType}`;
  let applicable = byType.get(key);
  if (!applicable) {
    applicable = rules.filter((rule) => severityRank(rule.severity) >= severityRank(minSeverity) && appliesTo(rule, resourceType));
    byType.set(key, applicable);
  }
  return applicable;
}

function evaluateOne(stackName: string, entry: EngineResource, rule: IPolicyRule, context: PolicyContext): PolicyFinding[] {
  let result: RuleResult;
  try {
    result = rule.evaluate(entry.resource, context);
    if (!isRuleResult(result)) throw new Error(`returned ${describeValue(result)} instead of a RuleResult`);
  } catch (e) {
    const problem = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    return [finding(stackName, entry, rule, {
      ruleId: `${RULE_ERROR_ID}[rule=${rule.ruleId}]`,
      baseRuleId: RULE_ERROR_ID,
      status: FindingStatus.ERROR,
      message: `rule ${rule.ruleId} failed on this resource and could not check it: ${problem}. Fix the rule, or suppress ${RULE_ERROR_ID} with a reason.`,
    })];
  }
  switch (result.status) {
    case ComplianceStatus.FAIL: {
      const violations = result.violations.length > 0 ? result.violations : [{ attributePath: '', fix: 'see the rule documentation' }];
      return violations.map((v) => {
        const found = displayValue(v.attributePath, v.found);
        const where = v.attributePath ? `${v.attributePath} ${found === undefined ? 'is not set' : `is ${found}`}` : 'the resource breaks the rule';
        return finding(stackName, entry, rule, {
          ruleId: v.detail ? `${rule.ruleId}[${v.detail}]` : rule.ruleId,
          baseRuleId: rule.ruleId,
          status: FindingStatus.FAIL,
          attributePath: v.attributePath || undefined,
          found,
          fix: v.fix,
          message: `${rule.title}: ${where}. Fix: ${sentence(v.fix)}`,
        });
      });
    }
    case ComplianceStatus.UNKNOWN:
      return [finding(stackName, entry, rule, {
        ruleId: rule.ruleId,
        baseRuleId: rule.ruleId,
        status: FindingStatus.UNKNOWN,
        message: `${rule.title}: cannot be decided before apply (${result.reason ?? 'a value is only known at apply'}); not counted as a pass. Check the value at apply, or set it literally.`,
      })];
    default:
      return [];
  }
}

interface FindingParts {
  readonly ruleId: string;
  readonly baseRuleId: string;
  readonly status: FindingStatus;
  readonly message: string;
  readonly attributePath?: string;
  readonly found?: string;
  readonly fix?: string;
}

function finding(stackName: string, entry: EngineResource, rule: IPolicyRule, parts: FindingParts): PolicyFinding {
  const suppressible = rule.suppressible !== false;
  const suppression = suppressible ? matchingSuppression(entry.suppressions, parts.ruleId) : undefined;
  return {
    ...parts,
    title: rule.title,
    severity: rule.severity,
    resourceAddress: entry.resource.address,
    resourceType: entry.resource.resourceType,
    stackName,
    constructPath: entry.constructPath,
    suppressed: suppression !== undefined,
    suppressionReason: suppression?.reason,
    suppressedAt: suppression?.scopePath,
    suppressible,
  };
}

/** Ends a text with a full stop. */
function sentence(text: string): string {
  const trimmed = String(text ?? '').trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function isRuleResult(value: unknown): value is RuleResult {
  return typeof value === 'object' && value !== null
    && (Object.values(ComplianceStatus) as unknown[]).includes((value as RuleResult).status)
    && Array.isArray((value as RuleResult).violations);
}

/** Whether a finding counts against the threshold: unsuppressed FAIL or ERROR at or above `threshold`. */
export function isBlocking(f: PolicyFinding, threshold: Severity): boolean {
  return !f.suppressed && f.status !== FindingStatus.UNKNOWN && severityRank(f.severity) >= severityRank(threshold);
}

/** Removes Terraform JSON metadata (`//`) from rendered attributes, recursively. */
export function stripMetadata(value: any): any {
  if (Array.isArray(value)) return value.map(stripMetadata);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, any> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k !== '//') out[k] = stripMetadata(v);
  }
  return out;
}
