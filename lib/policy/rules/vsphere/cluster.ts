// Cross-resource helpers of PT-NO-MIGRATION and PT-NO-HA.
import { isUnresolved, referencedAddresses } from '../../private/attributes';
import { PolicyContext, PolicyResource } from '../../rule';

/** True when the VM's resource pool is a compute cluster's root pool (`${[data.]vsphere_compute_cluster.<n>.resource_pool_id}`). */
export function inComputeCluster(attributes: Record<string, any>): boolean {
  const pool = attributes.resource_pool_id;
  return isUnresolved(pool) && /\bvsphere_compute_cluster\.[\w-]+\.resource_pool_id\b/.test(String(pool));
}

/** The resources of `resourceType` whose `virtual_machine_id` refers to `vm`. */
export function overridesFor(vm: PolicyResource, context: PolicyContext, resourceType: string): PolicyResource[] {
  return context.resources.filter((r) => r.resourceType === resourceType
    && referencedAddresses(r.attributes?.virtual_machine_id).includes(vm.address));
}
