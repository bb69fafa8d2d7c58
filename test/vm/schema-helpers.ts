// Checks synthesized Terraform JSON against the checked-in schema lists (test/vm/schema/*.json):
// every emitted attribute name must be one the provider's schema declares for that block, with a
// value of the declared form, required attributes present and computed-only ones never emitted.
import * as fs from 'fs';
import * as path from 'path';

export interface AttributeSchema {
  readonly type: string;
  readonly required?: boolean;
  readonly computed_only?: boolean;
  readonly deprecated?: boolean;
  readonly keys?: string[];
}

export interface BlockSchema {
  readonly attributes: { [name: string]: AttributeSchema };
  readonly blocks?: { [name: string]: BlockSchema & { max?: number } };
  readonly max?: number;
}

export interface ProviderSchemaFile {
  readonly provider: { [name: string]: BlockSchema };
  readonly resource: { [type: string]: BlockSchema };
}

export function loadSchema(file: string): ProviderSchemaFile {
  return JSON.parse(fs.readFileSync(path.join(__dirname, 'schema', file), 'utf8'));
}

/** Terraform meta-arguments and cdktf's metadata key: not part of a provider schema. */
const META = new Set(['//', 'lifecycle', 'depends_on', 'provider', 'count', 'for_each', 'provisioner', 'connection']);

const isExpression = (v: unknown) => typeof v === 'string' && v.includes('${');

function typeProblem(value: unknown, schema: AttributeSchema): string | undefined {
  if (isExpression(value)) return undefined;
  switch (schema.type) {
    case 'string': return typeof value === 'string' ? undefined : 'is not a string';
    case 'number': return typeof value === 'number' ? undefined : 'is not a number';
    case 'bool': return typeof value === 'boolean' ? undefined : 'is not a boolean (On/Off switches are strings, booleans are not)';
    case 'list(string)':
    case 'set(string)': return Array.isArray(value) && value.every((v) => typeof v === 'string') ? undefined : 'is not a list of strings';
    case 'map(bool)': return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).every((v) => typeof v === 'boolean' || isExpression(v))
      ? undefined : 'is not a map of booleans';
    case 'object': return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).every((k) => schema.keys!.includes(k))
      ? undefined : `is not an object with keys from ${schema.keys!.join(', ')}`;
    default: return `has unknown schema type ${schema.type}`;
  }
}

/** Problems of one rendered block against its schema, as `<path>: <problem>` lines; empty when it conforms. */
export function blockProblems(body: Record<string, any>, schema: BlockSchema, where: string): string[] {
  const problems: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (META.has(name)) continue;
    const attribute = schema.attributes[name];
    const block = schema.blocks?.[name];
    if (attribute) {
      if (attribute.computed_only) problems.push(`${where}.${name}: is computed only and must never be emitted`);
      else if (attribute.deprecated) problems.push(`${where}.${name}: is deprecated and must not be emitted`);
      const bad = typeProblem(value, attribute);
      if (bad) problems.push(`${where}.${name}: ${bad} (got ${JSON.stringify(value)})`);
    } else if (block) {
      if (isExpression(value)) continue;
      if (!Array.isArray(value)) {
        problems.push(`${where}.${name}: a block list must be an array of objects`);
        continue;
      }
      if (block.max !== undefined && value.length > block.max) problems.push(`${where}.${name}: has ${value.length} blocks, max ${block.max}`);
      value.forEach((item, i) => problems.push(...blockProblems(item, block, `${where}.${name}[${i}]`)));
    } else {
      problems.push(`${where}.${name}: is not an attribute or block of the schema`);
    }
  }
  for (const [name, attribute] of Object.entries(schema.attributes)) {
    if (attribute.required && body[name] === undefined) problems.push(`${where}.${name}: is required but missing`);
  }
  return problems;
}

/**
 * Problems of every resource of the given types and every provider block in a synthesized stack.
 * `providerKey` picks the schema of a provider block from the stack's required_providers source.
 */
export function stackProblems(json: any, schemas: ProviderSchemaFile[]): string[] {
  const problems: string[] = [];
  for (const schema of schemas) {
    for (const [type, byName] of Object.entries<any>(json.resource ?? {})) {
      const resourceSchema = schema.resource[type];
      if (!resourceSchema) continue;
      for (const [name, body] of Object.entries<any>(byName)) problems.push(...blockProblems(body, resourceSchema, `${type}.${name}`));
    }
    for (const [localName, bodies] of Object.entries<any[]>(json.provider ?? {})) {
      const source = json.terraform?.required_providers?.[localName]?.source as string | undefined;
      const providerSchema = schema.provider[source ?? ''] ?? schema.provider[localName];
      if (!providerSchema) continue;
      bodies.forEach((body, i) => problems.push(...blockProblems(body, providerSchema, `provider.${localName}[${i}]`)));
    }
  }
  return problems;
}

/** Every attribute and block name a schema block declares that may be configured (not computed-only, not deprecated), with nested paths. */
export function configurableNames(schema: BlockSchema, prefix = ''): string[] {
  const names = Object.entries(schema.attributes).filter(([, a]) => !a.computed_only && !a.deprecated).map(([n]) => `${prefix}${n}`);
  for (const [name, block] of Object.entries(schema.blocks ?? {})) names.push(`${prefix}${name}`, ...configurableNames(block, `${prefix}${name}.`));
  return names.sort();
}

/** Every attribute and block name present in a rendered block, with nested paths (first element of each block list). */
export function emittedNames(body: Record<string, any>, schema: BlockSchema, prefix = ''): string[] {
  const names: string[] = [];
  for (const [name, value] of Object.entries(body)) {
    if (META.has(name)) continue;
    names.push(`${prefix}${name}`);
    const block = schema.blocks?.[name];
    if (block && Array.isArray(value)) {
      const seen = new Set<string>();
      for (const item of value) for (const n of emittedNames(item, block, `${prefix}${name}.`)) seen.add(n);
      names.push(...seen);
    }
  }
  return names.sort();
}
