// The building blocks of every built-in rule (Kubernetes, Docker, vSphere): the rule-info shape,
// the resource-type gate, a violation collector in which FAIL beats UNKNOWN beats PASS, the
// never-throw wrapper, and small value readers.
import { isAttributeReference, isUnresolved, withBlockSink } from '../../private/attributes';
import { ComplianceStatus, IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity, Violation } from '../../rule';

/** The descriptive part of a built-in rule. */
export interface RuleInfo {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly source: string;
  readonly resourceTypes: string[];
  /** Why the rule exists and how it decides edge cases (unset values, references, site inputs). */
  readonly rationale: string;
  /** @default true */
  readonly suppressible?: boolean;
}

/** A built-in rule: an `IPolicyRule` that always carries its rationale. */
export interface BuiltInRule extends IPolicyRule {
  readonly rationale: string;
}

/**
 * Collects what a check finds. A definite violation wins over an unresolved value (FAIL beats
 * UNKNOWN beats PASS); an unresolved value is never a pass.
 */
export class Findings {
  public readonly violations: Violation[] = [];
  public readonly unknowns: string[] = [];

  /** Records a violation. `found` undefined means the attribute is missing. */
  public fail(attributePath: string, found: unknown, fix: string, detail?: string): void {
    this.violations.push({
      attributePath,
      ...(found === undefined ? {} : { found }),
      fix,
      ...(detail === undefined ? {} : { detail }),
    });
  }

  /** Records that a value is only known at apply; the value (an expression) is quoted when given. */
  public unknown(attributePath: string, value?: unknown): void {
    this.unknowns.push(`${attributePath} is only known at apply${value === undefined ? '' : ` (${short(value)})`}`);
  }

  /** Records an undecidable outcome in its own words. */
  public unknownBecause(reason: string): void {
    this.unknowns.push(reason);
  }

  /** Records (without the value) and returns true when the value is unresolved. */
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

/** A check fills the findings, or returns a result of its own (e.g. NOT_APPLICABLE). */
export type Check = (attributes: Record<string, any>, findings: Findings, resource: PolicyResource, context: PolicyContext) => RuleResult | void;

/** Whether a rule looks at this resource at all. */
export function appliesTo(resourceTypes: string[], resource: PolicyResource | undefined): boolean {
  return !!resource && resourceTypes.includes(resource.resourceType);
}

/**
 * Runs `body`; a throw becomes UNKNOWN naming the rule, so a rule never breaks synth. A block the
 * body could not look into (an expression where a block belongs, or a malformed value) turns a
 * PASS or NOT_APPLICABLE into UNKNOWN: nothing inside it was seen, so it is never a pass.
 */
export function safely(ruleId: string, body: () => RuleResult): RuleResult {
  try {
    const opaque: string[] = [];
    const result = withBlockSink((path, value) => opaque.push(`${path} is ${isUnresolved(value) ? 'only known at apply' : 'not a block'} (${short(value)})`), body);
    if (opaque.length > 0 && (result.status === ComplianceStatus.PASS || result.status === ComplianceStatus.NOT_APPLICABLE)) {
      return RuleResult.unknown([...new Set([result.reason, ...opaque].filter((r): r is string => !!r))].join('; '));
    }
    return result;
  } catch (error) {
    return RuleResult.unknown(`${ruleId} could not evaluate the resource: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Runs a check behind the resource-type gate with a fresh collector; never throws. */
export function runCheck(info: Pick<RuleInfo, 'ruleId' | 'resourceTypes'>, resource: PolicyResource, context: PolicyContext, check: Check): RuleResult {
  if (!appliesTo(info.resourceTypes, resource)) return RuleResult.notApplicable();
  return safely(info.ruleId, () => {
    const attributes = resource.attributes && typeof resource.attributes === 'object' ? resource.attributes : {};
    const findings = new Findings();
    return check(attributes, findings, resource, context ?? { resources: [] }) ?? findings.result();
  });
}

/** Builds a rule object from its description and a check. */
export function defineRule(info: RuleInfo, check: Check): BuiltInRule {
  return {
    ...info,
    suppressible: info.suppressible ?? true,
    evaluate: (resource: PolicyResource, context: PolicyContext) => runCheck(info, resource, context, check),
  };
}

/**
 * The base of the rule classes that take site inputs (allow-lists, required profiles): the
 * constructor computes the rationale and the check from the options and hands both over.
 * Not exported from the package: jsii folds its members into each subclass.
 *
 * @internal
 */
export abstract class ConfigurableRule implements IPolicyRule {
  /** The control id of the security baseline. */
  public readonly ruleId: string;
  /** What the rule requires. */
  public readonly title: string;
  /** How serious a violation is. */
  public readonly severity: Severity;
  /** The public source of the control. */
  public readonly source: string;
  /** The Terraform resource types the rule looks at. */
  public readonly resourceTypes: string[];
  /** Whether findings may be suppressed with a reason. */
  public readonly suppressible?: boolean;
  /** Why the rule exists and how it decides, with the configured site inputs. */
  public readonly rationale?: string;
  private readonly check: Check;

  protected constructor(info: RuleInfo, check: Check) {
    this.ruleId = info.ruleId;
    this.title = info.title;
    this.severity = info.severity;
    this.source = info.source;
    this.resourceTypes = info.resourceTypes;
    this.suppressible = info.suppressible ?? true;
    this.rationale = info.rationale;
    this.check = check;
  }

  /** Checks one resource. */
  public evaluate(resource: PolicyResource, context: PolicyContext): RuleResult {
    return runCheck(this, resource, context, this.check);
  }
}

/** The description of a rule that requires one boolean attribute to hold a value. */
export interface BooleanRuleSpec extends RuleInfo {
  readonly attribute: string;
  readonly secure: boolean;
  /** Whether leaving the attribute unset passes (the provider/vSphere default is the secure value). */
  readonly unsetPasses: boolean;
  /** The fix to report. @default `set <attribute> = <secure>` */
  readonly fix?: string;
}

/** A rule requiring `attribute` = `secure`; unset passes only when the default is secure. */
export function booleanRule(spec: BooleanRuleSpec): BuiltInRule {
  const { attribute, secure, unsetPasses, fix, ...info } = spec;
  return defineRule(info, (attributes, findings) => checkBoolean(attributes, findings, attribute, secure, unsetPasses, fix));
}

/** Fails unless `attributes[attribute]` is `secure` (or unset, when `unsetPasses`). */
export function checkBoolean(attributes: Record<string, any>, findings: Findings, attribute: string, secure: boolean, unsetPasses: boolean, fix?: string): void {
  const value = attributes[attribute];
  if (isUnresolved(value)) return findings.unknown(attribute, value);
  if ((value === undefined || value === null) && unsetPasses) return;
  if (secure ? !isTrue(value) : !isFalse(value)) findings.fail(attribute, value, fix ?? `set ${attribute} = ${secure}`);
}

/**
 * Fails when a required attribute is unset; an expression other than a resource or data attribute
 * (e.g. `${var.x}`, which may be empty) is UNKNOWN, never a pass.
 */
export function requireSet(findings: Findings, attributePath: string, value: unknown, fix: string, detail?: string): void {
  if (isUnset(value)) return findings.fail(attributePath, value, fix, detail);
  if (isUnresolved(value) && !isAttributeReference(value)) findings.unknown(attributePath, value);
}

/** A value for messages: strings quoted, long values cut. */
export function short(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
  return text === undefined ? 'unset' : text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** `true` or `"true"` (overrides and hand-written JSON may render booleans as strings). */
export function isTrue(value: unknown): boolean {
  return value === true || (typeof value === 'string' && value.trim().toLowerCase() === 'true');
}

/** `false` or `"false"`. */
export function isFalse(value: unknown): boolean {
  return value === false || (typeof value === 'string' && value.trim().toLowerCase() === 'false');
}

/** A number from a number or numeric string, else undefined. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
}

/** True for a value that is missing or empty (`undefined`, `null`, `""`, `[]`). */
export function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * A list-of-strings attribute. `unresolved` when the whole list is an expression; otherwise the
 * literal items and the unresolved ones, each with its index.
 */
export function stringList(value: unknown): { unresolved: boolean; items: Array<{ value: string; index: number; unresolved: boolean }> } {
  if (value === undefined || value === null) return { unresolved: false, items: [] };
  if (typeof value === 'string') {
    if (isUnresolved(value)) return { unresolved: true, items: [] };
    return { unresolved: false, items: [{ value, index: 0, unresolved: false }] };
  }
  if (!Array.isArray(value)) return { unresolved: false, items: [] };
  return {
    unresolved: false,
    items: value.map((item, index) => ({ value: String(item), index, unresolved: isUnresolved(item) })),
  };
}

/** A map attribute (`{ [key: string]: string }`): `unresolved` when the whole map is an expression. */
export function stringMap(value: unknown): { unresolved: boolean; entries: Array<[string, unknown]> } {
  if (typeof value === 'string' && isUnresolved(value)) return { unresolved: true, entries: [] };
  if (value === undefined || value === null || typeof value !== 'object' || Array.isArray(value)) return { unresolved: false, entries: [] };
  return { unresolved: false, entries: Object.entries(value as Record<string, unknown>) };
}

/** `key["x"]` as the baseline writes map keys. */
export function mapPath(attribute: string, key: string): string {
  return `${attribute}["${key}"]`;
}
