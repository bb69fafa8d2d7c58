// Rendering for the hand-written L1 bindings (lib/vm/hyperv/l1.ts, lib/vm/virtualbox/l1.ts).
// cdktf passes resource attributes through unchanged, so a binding must hand it the provider's
// exact snake_case names. A block shape lists those names; the camelCase config property of each
// is derived from it (`vm_processor` -> `vmProcessor`, `fix_speed_10g` -> `fixSpeed10g`), so the
// interfaces and the shapes cannot drift apart silently: a test sets every property and compares
// the emitted names with the schema's.
import { TerraformMetaArguments, Token } from 'cdktf';
import { ErrorScope, invalid } from '../../core/private/errors';

/** The attributes of one block: plain names, or `[name, nested block shape]` for a nested block list. */
export type BlockShape = ReadonlyArray<string | readonly [string, BlockShape]>;

/** Enum attributes of a block (snake_case name -> values in the casing the provider reads back), nested blocks under `block.attr`. */
export type EnumTable = Readonly<Record<string, readonly string[]>>;

/** `fix_speed_10g` -> `fixSpeed10g`. */
export function camelOf(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}

/**
 * Walks a camelCase config object along `shape`: unset (undefined) properties are dropped, a nested
 * block list is walked item by item (a token that stands for a whole list, or an item, is passed to
 * `leaf` as it is), every other value goes to `leaf`.
 */
function walkBlock<T>(config: Record<string, any> | undefined, shape: BlockShape, leaf: (name: string, value: any) => T,
  blockList: (name: string, items: any[]) => T): Record<string, T> {
  const out: Record<string, T> = {};
  if (config === undefined || config === null) return out;
  for (const entry of shape) {
    const [name, nested] = typeof entry === 'string' ? [entry, undefined] : entry;
    const value = config[camelOf(name)];
    if (value === undefined) continue;
    out[name] = nested === undefined || Token.isUnresolved(value) || !Array.isArray(value)
      ? leaf(name, value)
      : blockList(name, value.map((item) => (Token.isUnresolved(item) ? item : walkBlock(item, nested, leaf, blockList))));
  }
  return out;
}

/**
 * Renders a camelCase config object as the snake_case Terraform block `shape` describes. Unset
 * (undefined) properties are dropped; a nested block list is rendered item by item (a token that
 * stands for a whole list is passed through). Map values (e.g. `integration_services`) keep their keys.
 */
export function renderBlock(config: Record<string, any> | undefined, shape: BlockShape): Record<string, any> {
  return walkBlock<any>(config, shape, (_name, value) => value, (_name, items) => items);
}

/** An attribute as `cdktf synth --hcl` wants it (the shape generated bindings return from `synthesizeHclAttributes`). */
interface HclAttribute {
  readonly value: any;
  readonly isBlock: boolean;
  readonly type: 'simple' | 'list' | 'map' | 'struct';
  readonly storageClassType: string;
}

function hclAttribute(name: string, value: any): HclAttribute {
  if (Array.isArray(value)) return { value, isBlock: false, type: 'list', storageClassType: 'stringList' };
  if (value !== null && typeof value === 'object' && !Token.isUnresolved(value)) {
    // `timeouts` is a block in terraform-plugin-sdk; the other objects are maps (`integration_services`).
    if (name === 'timeouts') return { value, isBlock: true, type: 'struct', storageClassType: 'timeouts' };
    return { value, isBlock: false, type: 'map', storageClassType: `${typeof Object.values(value)[0]}Map` };
  }
  return { value, isBlock: false, type: 'simple', storageClassType: typeof value };
}

/** The `synthesizeHclAttributes` form of a config: the same names and values as `renderBlock`, typed for HCL output. */
export function renderHclBlock(config: Record<string, any> | undefined, shape: BlockShape): Record<string, HclAttribute> {
  return walkBlock<HclAttribute>(config, shape, hclAttribute,
    (name, items) => ({ value: items, isBlock: true, type: 'list', storageClassType: `${camelOf(name)}List` }));
}

/**
 * Throws when a literal enum value of a rendered block is not one the provider accepts in the
 * casing it writes back to state (any other casing is a permanent diff). `enums` keys are
 * snake_case paths, `block.attr` for attributes of nested blocks.
 */
export function checkEnums(scope: ErrorScope, rendered: Record<string, any>, enums: EnumTable, prefix = ''): void {
  for (const [path, allowed] of Object.entries(enums)) {
    const [head, ...rest] = path.split('.');
    const value = rendered[head];
    if (value === undefined || value === null || Token.isUnresolved(value)) continue;
    if (rest.length > 0) {
      if (!Array.isArray(value)) continue;
      value.forEach((item, i) => {
        if (item && typeof item === 'object') checkEnums(scope, item, { [rest.join('.')]: allowed }, `${prefix}${head}[${i}].`);
      });
      continue;
    }
    if (typeof value !== 'string' || !allowed.includes(value)) {
      const canonical = typeof value === 'string' ? allowed.find((a) => a.toLowerCase() === value.toLowerCase()) : undefined;
      throw invalid(scope, `${prefix}${head}`, canonical !== undefined
        ? 'is not in the casing the provider reads back (a permanent diff on every plan)'
        : `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`, value,
      canonical !== undefined ? `Write "${canonical}".` : `Use one of ${allowed.join(', ')}.`);
    }
  }
}

/** The meta-arguments of a resource config, for the `TerraformResource` constructor. */
export function metaArguments(config: TerraformMetaArguments): TerraformMetaArguments {
  return {
    dependsOn: config.dependsOn, count: config.count, provider: config.provider, lifecycle: config.lifecycle, forEach: config.forEach,
    provisioners: config.provisioners, connection: config.connection,
  };
}
