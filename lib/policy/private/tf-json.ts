// Reads resources out of Terraform JSON (cdk.tf.json from cdktf, or hand-written *.tf.json).
import { PolicySuppression } from '../suppressions';
import { EngineResource, stripMetadata } from './engine';
import { JSON_METADATA_KEY } from './suppression-metadata';

/** A stack read from Terraform JSON. */
export interface ParsedStack {
  readonly stackName: string;
  readonly resources: EngineResource[];
  /** The provider blocks, as pseudo-resources of type `provider.<name>` (address `provider.<name>[.<alias>]`). */
  readonly providers: EngineResource[];
  /** Every suppression recorded in the file, once each. */
  readonly suppressions: PolicySuppression[];
}

/** The top-level keys of Terraform JSON configuration syntax (and cdktf's `//` comment key). */
const TOP_LEVEL_KEYS = ['//', 'terraform', 'provider', 'resource', 'data', 'ephemeral', 'variable', 'output', 'locals', 'module', 'moved', 'import', 'removed', 'check', 'action'];

/** Thrown for input that is not Terraform JSON; the message is one line. */
export class InvalidInput extends Error {}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Terraform JSON allows a list of objects wherever a block map is expected; merges them into entries. */
function entries(value: unknown, what: string): Array<[string, any]> {
  const parts = Array.isArray(value) ? value : [value];
  const out: Array<[string, any]> = [];
  for (const part of parts) {
    if (!isObject(part)) throw new InvalidInput(`${what} is not an object`);
    // a loop, not push(...entries): a spread of more than ~125k arguments overflows the stack
    for (const entry of Object.entries(part)) out.push(entry);
  }
  return out;
}

/** The suppressions `PolicyChecks` recorded in the `//` metadata of a resource body (those applying to it) or of the stack (all). */
export function recordedSuppressions(body: Record<string, any>): PolicySuppression[] {
  const recorded = body['//']?.[JSON_METADATA_KEY]?.suppressions;
  if (!Array.isArray(recorded)) return [];
  return recorded.filter((s): s is PolicySuppression => isObject(s) && typeof s.ruleId === 'string' && typeof s.reason === 'string')
    .map((s) => ({ ruleId: s.ruleId, reason: s.reason, scopePath: typeof s.scopePath === 'string' ? s.scopePath : '' }));
}

/** The resources of a parsed Terraform JSON document, with construct paths and suppressions from cdktf metadata. */
export function readTerraformJson(doc: unknown, fallbackStackName: string): ParsedStack {
  if (!isObject(doc)) throw new InvalidInput('the top level is not a JSON object');
  // Terraform itself rejects any other top-level key, so a file with one is some other JSON (package.json, a manifest, ...).
  const foreign = Object.keys(doc).filter((key) => !TOP_LEVEL_KEYS.includes(key));
  if (foreign.length > 0) {
    throw new InvalidInput(`top-level key ${JSON.stringify(foreign[0])} is not a Terraform block type (expected ${TOP_LEVEL_KEYS.filter((k) => k !== '//').join(', ')})`);
  }
  const stackName = typeof doc['//']?.metadata?.stackName === 'string' ? doc['//'].metadata.stackName : fallbackStackName;
  const resources: EngineResource[] = [];
  const providers: EngineResource[] = [];
  const suppressions = new Map<string, PolicySuppression>();
  if (doc.resource !== undefined) {
    for (const [resourceType, byName] of entries(doc.resource, '"resource"')) {
      for (const [name, rawBody] of entries(byName, `"resource"."${resourceType}"`)) {
        const body = Array.isArray(rawBody) ? rawBody[0] : rawBody;
        if (!isObject(body)) throw new InvalidInput(`"resource"."${resourceType}"."${name}" is not an object`);
        const own = recordedSuppressions(body);
        for (const s of own) suppressions.set(`${s.scopePath}\u0000${s.ruleId}`, s);
        const path = body['//']?.metadata?.path;
        resources.push({
          resource: { resourceType, address: `${resourceType}.${name}`, attributes: stripMetadata(body) },
          constructPath: typeof path === 'string' ? path : undefined,
          suppressions: own,
        });
      }
    }
  }
  if (doc.provider !== undefined) {
    // Provider blocks are checked as pseudo-resources of type provider.<name> (e.g. DOCKER-DAEMON-TLS on provider.docker).
    for (const [name, configs] of entries(doc.provider, '"provider"')) {
      for (const rawBody of Array.isArray(configs) ? configs : [configs]) {
        if (!isObject(rawBody)) throw new InvalidInput(`"provider"."${name}" is not an object`);
        const resourceType = `provider.${name}`;
        const alias = typeof rawBody.alias === 'string' ? rawBody.alias : undefined;
        const path = rawBody['//']?.metadata?.path;
        providers.push({
          resource: { resourceType, address: alias ? `${resourceType}.${alias}` : resourceType, attributes: stripMetadata(rawBody) },
          constructPath: typeof path === 'string' ? path : undefined,
          suppressions: recordedSuppressions(rawBody),
        });
      }
    }
  }
  const stackLevel = recordedSuppressions(doc);
  return { stackName, resources, providers, suppressions: stackLevel.length > 0 ? stackLevel : [...suppressions.values()] };
}
