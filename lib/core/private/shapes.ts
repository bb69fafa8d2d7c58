// The public boundary's shape check for JavaScript callers (and `as any`): every constructor and
// static factory checks its arguments against the types jsii declares (shapes.generated.ts), so a
// wrong type, NaN, ±Infinity, an over-long string or a string that only looks like a cdktf token
// is a ValidationError naming the prop and the expected type, never a TypeError deep inside.
// cdktf and constructs are loaded only when a value needs them: the value types (Cpu, Size) and the
// policy CLI use this module where neither package is installed.
import type * as Cdktf from 'cdktf';
import { ErrorScope, invalid } from './errors';

let cdktfModule: typeof Cdktf | null | undefined;
function cdktf(): typeof Cdktf | null {
  if (cdktfModule === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      cdktfModule = require('cdktf') as typeof Cdktf;
    } catch {
      cdktfModule = null;
    }
  }
  return cdktfModule;
}

/** `Construct.isConstruct` without loading constructs (the same symbol). */
function isConstruct(value: unknown): value is { node: { path: string } } {
  return typeof value === 'object' && value !== null && Symbol.for('constructs.Construct') in value;
}

function isStringToken(value: string): boolean {
  return value.includes('${TfToken[') || (cdktf()?.Token.isUnresolved(value) ?? false);
}
import { INTERFACES, PARAMS, STRUCTS } from './shapes.generated';

/** A declared type, as the generator writes it. */
export type Shape = string | { array: Shape } | { map: Shape } | { union: Shape[] } | { struct: string } | { instance: string } | { object: string };

/** The longest value a free-text prop takes; longer input is rejected (cdktf's token scan of very long strings is quadratic). */
export const MAX_TEXT_LENGTH = 4096;
/** The longest value of the props that carry a document (cloud-init data, a seccomp profile, extra_config values). */
export const MAX_DOCUMENT_LENGTH = 65536;
const DOCUMENT_PROPS = new Set(['cloudInitUserData', 'cloudInitMetadata', 'seccompProfileJson']);
const MAX_DEPTH = 12;

function article(noun: string): string {
  return /^[aeiouAEIOU]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

function describeShape(shape: Shape): string {
  if (typeof shape === 'string') return shape === 'enum' ? 'an enum value' : shape === 'construct' ? 'a construct' : article(shape);
  if ('array' in shape) return `a list of ${describeShape(shape.array).replace(/^an? /, '')}s`;
  if ('map' in shape) return `a map of ${describeShape(shape.map).replace(/^an? /, '')}s`;
  if ('union' in shape) return shape.union.map(describeShape).join(' or ');
  if ('struct' in shape) return `${article(shape.struct)} object`;
  if ('instance' in shape) return article(shape.instance);
  return article(shape.object);
}

function classNames(value: object): string[] {
  const names: string[] = [];
  for (let p = Object.getPrototypeOf(value); p && p !== Object.prototype && names.length < 20; p = Object.getPrototypeOf(p)) {
    names.push(p.constructor?.name);
  }
  return names;
}

/** Prop path, problem, the value shown, fix. */
type Problem = [string, string, unknown, string];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Returns the problem with `value`, or undefined. `prop` is the path shown in the error. */
function problem(scope: ErrorScope, prop: string, value: unknown, shape: Shape, depth: number): Problem | undefined {
  if (depth > MAX_DEPTH) return [prop, 'is nested too deeply (or refers to itself)', '<nested>', 'Pass plain, acyclic values.'];
  const expected = (): Problem => [prop, `must be ${describeShape(shape)}`, value, `Give ${prop} as ${describeShape(shape)}.`];
  if (shape === 'any') return undefined;
  if (shape === 'string') {
    if (typeof value !== 'string') return expected();
    const max = DOCUMENT_PROPS.has(prop.split('.').pop()!) ? MAX_DOCUMENT_LENGTH : MAX_TEXT_LENGTH;
    if (value.length > max) return [prop, `is longer than ${max} characters (${value.length})`, value, `Shorten it to at most ${max} characters.`];
    if (isStringToken(value)) {
      try {
        cdktf()?.Tokenization.reverseString(value);
      } catch {
        return [prop, 'looks like a cdktf token but is not one', value, 'Pass the token cdktf gave you (e.g. variable.stringValue), or text without "${Token[".'];
      }
    }
    return undefined;
  }
  if (shape === 'number') {
    if (typeof value !== 'number') return expected();
    if (!Number.isFinite(value)) return [prop, 'must be a finite number', String(value), `Give ${prop} as a finite number.`];
    const tokens = cdktf();
    if (tokens && tokens.Token.isUnresolved(value) && tokens.Tokenization.reverseNumber(value) === undefined) {
      return [prop, 'looks like a cdktf number token but is not one', value, `Give ${prop} as a plain number or a token cdktf gave you.`];
    }
    return undefined;
  }
  // a boolean prop takes a boolean or an IResolvable (e.g. a variable's booleanValue), never a string
  if (shape === 'boolean') return typeof value === 'boolean' || (isObject(value) && typeof value.resolve === 'function') ? undefined : expected();
  if (shape === 'enum') {
    if (typeof value === 'string') return problem(scope, prop, value, 'string', depth);
    return typeof value === 'number' && Number.isFinite(value) ? undefined : expected();
  }
  if (shape === 'construct') return isConstruct(value) ? undefined : expected();
  if (typeof shape === 'string') return undefined;
  if ('array' in shape) {
    if (!Array.isArray(value)) return expected();
    for (let i = 0; i < value.length; i++) {
      const p = problem(scope, `${prop}[${i}]`, value[i], shape.array, depth + 1);
      if (p) return p;
    }
    return undefined;
  }
  if ('map' in shape) {
    if (!isObject(value)) return expected();
    for (const [key, item] of Object.entries(value)) {
      if (key.length > MAX_TEXT_LENGTH) return [prop, `has a key longer than ${MAX_TEXT_LENGTH} characters`, key, 'Use shorter keys.'];
      const p = problem(scope, `${prop}.${key}`, item, shape.map, depth + 1);
      if (p) return p;
    }
    return undefined;
  }
  if ('union' in shape) return shape.union.some((s) => problem(scope, prop, value, s, depth + 1) === undefined) ? undefined : expected();
  if ('struct' in shape) {
    if (!isObject(value) || isConstruct(value)) return expected();
    return structProblem(scope, prop, value, shape.struct, depth);
  }
  if ('instance' in shape) {
    if (!isObject(value)) return expected();
    return classNames(value).includes(shape.instance) ? undefined : expected();
  }
  // an interface (IVirtualMachine, IContainerNetwork, ...): an object with at least one of the members it
  // declares (a Date or an unrelated object has none; a partial literal such as { namespaceName } is accepted)
  if (!isObject(value)) return expected();
  const members = INTERFACES[shape.object] ?? [];
  const has = (member: string) => {
    try {
      return (value as Record<string, unknown>)[member] !== undefined;
    } catch {
      return false;
    }
  };
  return members.length === 0 || members.some(has) ? undefined
    : [prop, `must be ${describeShape(shape)} (it has none of ${members.join(', ')})`, value, `Give ${prop} as ${describeShape(shape)}.`];
}

function structProblem(scope: ErrorScope, prop: string, value: unknown, struct: string, depth = 0): Problem | undefined {
  if (!isObject(value) || isConstruct(value)) {
    return [prop || 'props', `must be a ${struct} object`, value, `Pass ${struct} as an object literal.`];
  }
  for (const [name, [fieldShape, optional]] of Object.entries(STRUCTS[struct] ?? {})) {
    const path = prop ? `${prop}.${name}` : name;
    const field = value[name];
    if (field === undefined) {
      if (!optional) return [path, `is required (${describeShape(fieldShape)})`, field, `Set ${path}.`];
      continue;
    }
    if (field === null) return [path, `is null; it must be ${describeShape(fieldShape)}`, field, optional ? `Leave ${path} out (undefined) or set a value.` : `Set ${path}.`];
    const p = problem(scope, path, field, fieldShape, depth + 1);
    if (p) return p;
  }
  return undefined;
}

/**
 * Checks the arguments of a public constructor or static method (`'HardenedContainer'`,
 * `'Cpu.cores'`) against their declared types. The scope and id of a construct are checked by
 * the constructs library; every other argument here.
 */
export function checkArgs(scope: ErrorScope, member: string, args: unknown[]): void {
  const params = PARAMS[member];
  if (!params) return;
  params.forEach(([param, shape, optional], i) => {
    if (shape === 'construct' && param === 'scope') return;
    // a value type's single argument is its `value` (withScope re-labels it with the prop it came in)
    const name = params.length === 1 && member.includes('.') ? 'value' : param;
    const value = args[i];
    if (value === undefined) {
      if (!optional) throw invalid(scope, name, `is required (${describeShape(shape)})`, value, `Pass ${name} to ${member}.`);
      return;
    }
    if (value === null) throw invalid(scope, name, `is null; it must be ${describeShape(shape)}`, value, optional ? `Leave ${name} out (undefined) or pass a value.` : `Pass ${name} to ${member}.`);
    // a props/options struct's fields are named as props of their own (`namespace`, not `props.namespace`)
    const p = typeof shape === 'object' && 'struct' in shape && (name === 'props' || name === 'options')
      ? structProblem(scope, '', value, shape.struct)
      : problem(scope, name, value, shape, 0);
    if (p) throw invalid(scope, p[0], p[1], p[2], `${p[3]} See ${member} in API.md.`);
  });
}

/**
 * Checks a construct's constructor arguments before `super(scope, id)`: the scope must be a
 * construct and the id a string (with them the error names the path), then the other arguments.
 */
export function checkConstruct(scope: unknown, id: unknown, member: string, args: unknown[]): void {
  const idText = typeof id === 'string' ? id : String(id);
  if (!isConstruct(scope)) throw invalid(`${member}(${idText})`, 'scope', 'must be a construct', scope, 'Pass the stack or construct to add it to.');
  const parent = scope.node.path;
  if (typeof id !== 'string' || id.length === 0 || id.length > MAX_TEXT_LENGTH) {
    throw invalid(parent || '<root>', 'id', `must be a non-empty string of at most ${MAX_TEXT_LENGTH} characters`, id, 'Give the construct a short id, e.g. "Web".');
  }
  checkArgs(parent ? `${parent}/${id}` : id, member, [scope, id, ...args]);
}

/**
 * Checks one struct argument of an instance method (`addContainerWorkload(id, options)`,
 * `createVirtualMachine(scope, id, request)`) against its declared type: `name` is the argument as
 * the error names it; with `prefixFields` false its fields are named as props of their own
 * (`spec.name`, not `options.spec.name`). `member` is what the fix points to in API.md.
 */
export function checkStruct(scope: ErrorScope, name: string, value: unknown, struct: string, member: string, prefixFields = true): void {
  if (!isObject(value) || isConstruct(value)) {
    throw invalid(scope, name, value === undefined ? `is required (${article(struct)} object)` : `must be ${article(struct)} object`, value,
      `Pass ${name} as an object literal. See ${member} in API.md.`);
  }
  const p = structProblem(scope, prefixFields ? name : '', value, struct);
  if (p) throw invalid(scope, p[0], p[1], p[2], `${p[3]} See ${member} in API.md.`);
}
