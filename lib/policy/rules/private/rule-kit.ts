// Shared plumbing for the Docker and vSphere rule packs: the resource-type gate, a collector
// that lets a definite failure win over an unresolved value, and small value readers.
import { isUnresolved } from '../../private/attributes';
import { IPolicyRule, PolicyContext, PolicyResource, RuleResult, Severity, Violation } from '../../rule';

/** A built-in rule: an `IPolicyRule` plus the reasoning behind its decisions. */
export interface RuleDefinition extends IPolicyRule {
  /** Why the rule exists and how it decides edge cases (unset values, references, site inputs). */
  readonly rationale: string;
}

/** The descriptive part of a rule. */
export interface RuleSpec {
  readonly ruleId: string;
  readonly title: string;
  readonly severity: Severity;
  readonly source: string;
  readonly resourceTypes: string[];
  readonly rationale: string;
  readonly suppressible?: boolean;
}

/**
 * Collects what a check finds. A definite violation wins over an unresolved value (FAIL beats
 * UNKNOWN); an unresolved value is never a pass.
 */
export class Findings {
  public readonly violations: Violation[] = [];
  public readonly unknowns: string[] = [];

  public fail(attributePath: string, found: unknown, fix: string, detail?: string): void {
    this.violations.push({ attributePath, found, fix, ...(detail === undefined ? {} : { detail }) });
  }

  public unknown(attributePath: string, value: unknown): void {
    this.unknowns.push(`${attributePath} is only known at apply (${short(value)})`);
  }

  public unknownBecause(reason: string): void {
    this.unknowns.push(reason);
  }

  public result(): RuleResult {
    if (this.violations.length > 0) return RuleResult.fail(this.violations);
    if (this.unknowns.length > 0) return RuleResult.unknown(this.unknowns.join('; '));
    return RuleResult.pass();
  }
}

/** A check fills the findings, or returns a result of its own (e.g. NOT_APPLICABLE). */
export type Check = (attributes: Record<string, any>, findings: Findings, resource: PolicyResource, context: PolicyContext) => RuleResult | void;

/** Runs a check behind the resource-type gate; never throws. */
export function runCheck(resourceTypes: string[], resource: PolicyResource, context: PolicyContext, check: Check): RuleResult {
  if (!resource || !resourceTypes.includes(resource.resourceType)) return RuleResult.notApplicable();
  try {
    const attributes = resource.attributes && typeof resource.attributes === 'object' ? resource.attributes : {};
    const findings = new Findings();
    return check(attributes, findings, resource, context ?? { resources: [] }) ?? findings.result();
  } catch (error) {
    return RuleResult.unknown(`rule could not evaluate this resource: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Builds a rule object from its description and a check. */
export function defineRule(spec: RuleSpec, check: Check): RuleDefinition {
  return {
    ...spec,
    suppressible: spec.suppressible ?? true,
    evaluate: (resource: PolicyResource, context: PolicyContext) => runCheck(spec.resourceTypes, resource, context, check),
  };
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
