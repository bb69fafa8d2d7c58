// One synth-time clash validation per stack. Constructs whose Terraform objects would collide at apply
// (two containers of one name on one Docker host, two workloads of one name in one namespace) register a
// check here; the stack runs all checks once, in construct order, against maps of what earlier
// constructs claimed: linear in the stack size, where a per-construct walk of the tree was quadratic.
import { TerraformStack } from 'cdktf';
import { IConstruct } from 'constructs';
import { ValidationError } from './errors';

/** What the constructs checked so far have claimed, by space (kind of name), owner (e.g. provider) and key. */
export class ClashIndex {
  private readonly order = new Map<IConstruct, number>();
  private readonly spaces = new Map<string, Map<unknown, Map<string, unknown[]>>>();

  /** Position of a construct among the checked ones (construct order); earlier is smaller. */
  public orderOf(construct: IConstruct): number {
    return this.order.get(construct) ?? Number.POSITIVE_INFINITY;
  }

  /**
   * The claims recorded for `key` in `space` and `owner`, earliest first. The array is live: push this
   * construct's own claim after reading the earlier ones.
   */
  public claims<T>(space: string, owner: unknown, key: string): T[] {
    let owners = this.spaces.get(space);
    if (!owners) this.spaces.set(space, owners = new Map());
    let keys = owners.get(owner);
    if (!keys) owners.set(owner, keys = new Map());
    let list = keys.get(key);
    if (!list) keys.set(key, list = []);
    return list as T[];
  }

  /** @internal */
  public _enter(construct: IConstruct): void {
    this.order.set(construct, this.order.size);
  }
}

/** Checks a construct against earlier claims (and records its own); returns the first clash, if any. */
export type ClashCheck = (index: ClashIndex) => ValidationError | undefined;

const CHECKS = new WeakMap<TerraformStack, Map<IConstruct, ClashCheck>>();

/**
 * Registers a construct's clash check with its stack. The stack runs every check once at synth (with
 * cdktf's validations), in construct order, and fails with the first clash as a `ValidationError`.
 */
export function addClashCheck(construct: IConstruct, check: ClashCheck): void {
  const stack = TerraformStack.of(construct);
  let checks = CHECKS.get(stack);
  if (!checks) {
    const registered = checks = new Map();
    CHECKS.set(stack, registered);
    stack.node.addValidation({ validate: () => runClashChecks(stack, registered) });
  }
  checks.set(construct, check);
}

function runClashChecks(stack: TerraformStack, checks: Map<IConstruct, ClashCheck>): string[] {
  const index = new ClashIndex();
  // Construct order, so that the later of two clashing constructs is the one reported.
  for (const node of stack.node.findAll()) {
    const check = checks.get(node);
    if (!check) continue;
    index._enter(node);
    const clash = check(index);
    if (clash) throw clash;
  }
  return [];
}
