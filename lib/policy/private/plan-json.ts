// Reads the resources of a Terraform plan (`terraform show -json <planfile>`, JSON output format 1.x) so the
// rules judge what will be applied: the planned values, with every value Terraform marks unknown ("known after
// apply") or sensitive turned into an expression, so a rule says UNKNOWN there, never PASS or FAIL.
//
// Fields read (https://developer.hashicorp.com/terraform/internals/json-format): format_version;
// planned_values.root_module.{resources,child_modules} (recursively) with address, mode, type, values and
// sensitive_values; resource_changes[].address with change.after_unknown and change.after_sensitive; and
// configuration.provider_config[].{name,alias,expressions} for provider blocks (constant_value, or references).
import { EngineResource } from './engine';
import { ParsedStack } from './tf-json';

/** What a value that Terraform only knows at apply becomes: an expression, so every rule reports UNKNOWN. */
export const UNKNOWN_AFTER_APPLY = '${(known after apply)}';
/** What a sensitive planned value becomes: never shown in a report, never judged. */
export const SENSITIVE_VALUE = '${(sensitive value)}';

/** A plan read for the policy engine, with the line of each resource in the plan file (when it is pretty-printed). */
export interface ParsedPlan extends ParsedStack {
  readonly lines: Map<string, number>;
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Overlays a marker tree (`after_unknown` / `sensitive_values`: `true` at a leaf, objects and arrays mirroring
 * the value) onto a value, replacing each marked leaf by `replacement`.
 */
export function overlay(value: unknown, marks: unknown, replacement: string): unknown {
  if (marks === true) return replacement;
  if (Array.isArray(marks)) {
    const out = Array.isArray(value) ? [...value] : [];
    marks.forEach((mark, i) => {
      if (mark !== false && mark !== undefined && mark !== null) out[i] = overlay(out[i], mark, replacement);
    });
    return out;
  }
  if (isObject(marks)) {
    if (Object.keys(marks).length === 0) return value;
    const out: Record<string, unknown> = isObject(value) ? { ...value } : {};
    for (const [key, mark] of Object.entries(marks)) {
      if (mark === false || mark === undefined || mark === null) continue;
      const next = overlay(out[key], mark, replacement);
      if (next !== undefined) out[key] = next;
    }
    return out;
  }
  return value;
}

/** Drops `null` attributes (unset, in plan output) so that unset reads the same as in configuration. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null).map(withoutNulls);
  if (!isObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== null) out[key] = withoutNulls(v);
  return out;
}

interface PlannedResource {
  readonly address: string;
  readonly mode?: string;
  readonly type: string;
  readonly values?: Record<string, unknown>;
  readonly sensitive_values?: unknown;
}

function plannedResources(module: unknown): PlannedResource[] {
  if (!isObject(module)) return [];
  const own = Array.isArray(module.resources) ? module.resources.filter((r: unknown): r is PlannedResource => isObject(r) && typeof r.address === 'string' && typeof r.type === 'string') : [];
  const children = Array.isArray(module.child_modules) ? module.child_modules.flatMap(plannedResources) : [];
  return [...own, ...children];
}

/** A provider configuration's expressions as attributes: constants as values, references as `${...}`. */
function fromExpressions(expressions: unknown): unknown {
  if (Array.isArray(expressions)) return expressions.map(fromExpressions);
  if (!isObject(expressions)) return expressions;
  if ('constant_value' in expressions) return expressions.constant_value;
  if (Array.isArray(expressions.references)) return `\${${expressions.references[0] ?? 'unknown'}}`;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(expressions)) out[key] = fromExpressions(v);
  return out;
}

/** The 1-based line of each resource address under planned_values, when the plan file is pretty-printed (else line 1). */
function planLineIndex(text: string): Map<string, number> {
  const index = new Map<string, number>();
  const start = text.indexOf('"planned_values"');
  if (start < 0) return index;
  const pattern = /"address"\s*:\s*"((?:[^"\\]|\\.)*)"/g;
  pattern.lastIndex = start;
  let line = 1 + countNewlines(text, 0, start);
  let at = start;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    line += countNewlines(text, at, m.index);
    at = m.index;
    const address = JSON.parse(`"${m[1]}"`) as string;
    if (!index.has(address)) index.set(address, line);
  }
  return index;
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i >= 0 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * The managed resources a plan will leave in place (planned values; resources to be destroyed are not in them),
 * with unknown and sensitive values replaced by expressions, and the provider blocks of its configuration.
 */
export function readPlanJson(doc: Record<string, any>, stackName: string, text: string): ParsedPlan {
  const changes = new Map<string, Record<string, any>>();
  for (const change of Array.isArray(doc.resource_changes) ? doc.resource_changes : []) {
    if (isObject(change) && typeof change.address === 'string' && isObject(change.change)) changes.set(change.address, change.change);
  }
  const resources: EngineResource[] = plannedResources(doc.planned_values?.root_module)
    .filter((r) => (r.mode ?? 'managed') === 'managed')
    .map((r) => {
      const change = changes.get(r.address);
      let values = overlay(r.values ?? {}, change?.after_unknown, UNKNOWN_AFTER_APPLY);
      values = overlay(values, r.sensitive_values ?? change?.after_sensitive, SENSITIVE_VALUE);
      return { resource: { resourceType: r.type, address: r.address, attributes: withoutNulls(values) as Record<string, any> }, suppressions: [] };
    });
  const providers: EngineResource[] = [];
  for (const [key, config] of Object.entries(isObject(doc.configuration?.provider_config) ? doc.configuration.provider_config : {})) {
    if (!isObject(config)) continue;
    const name = typeof config.name === 'string' ? config.name : key.replace(/^.*:/, '').split('.')[0];
    const alias = typeof config.alias === 'string' ? config.alias : undefined;
    const resourceType = `provider.${name}`;
    const attributes = withoutNulls(fromExpressions(config.expressions ?? {})) as Record<string, any>;
    providers.push({ resource: { resourceType, address: alias ? `${resourceType}.${alias}` : resourceType, attributes }, suppressions: [] });
  }
  return { stackName, resources, providers, suppressions: [], lines: planLineIndex(text) };
}
