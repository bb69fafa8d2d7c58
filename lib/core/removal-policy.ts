import { TerraformResource } from 'cdktf';
import { checkArgs } from './private/shapes';

/**
 * What happens to a stateful resource (disk, volume, claim) when it leaves the configuration
 * or `cdktf destroy` runs.
 */
export enum RemovalPolicy {
  /** Keep it: Terraform refuses to destroy it (`lifecycle.prevent_destroy = true`). The default for stateful things. */
  RETAIN = 'RETAIN',
  /** Allow Terraform to destroy it, and its data with it. An explicit opt-out. */
  DESTROY = 'DESTROY',
}

/** Applies a `RemovalPolicy` to any Terraform resource. */
export class RemovalPolicies {
  /**
   * Sets `lifecycle.prevent_destroy` from `policy`, keeping the resource's other lifecycle settings.
   *
   * @param resource any resource, usually a stateful one (disk, volume, claim)
   * @param policy defaults to `RemovalPolicy.RETAIN`
   */
  public static apply(resource: TerraformResource, policy: RemovalPolicy = RemovalPolicy.RETAIN): void {
    checkArgs('RemovalPolicies.apply', 'RemovalPolicies.apply', [resource, policy]);
    resource.lifecycle = { ...(resource.lifecycle ?? {}), preventDestroy: policy !== RemovalPolicy.DESTROY };
  }

  private constructor() {}
}
