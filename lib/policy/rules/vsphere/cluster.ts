// Cross-resource helpers of PT-NO-MIGRATION and PT-NO-HA.
import { isUnresolved, referencedAddresses } from '../../private/attributes';
import { derivedIndex, resourcesOfTypes } from '../../private/context-index';
import { PolicyContext, PolicyResource } from '../../rule';

/** True when the VM's resource pool is a compute cluster's root pool (`${[data.]vsphere_compute_cluster.<n>.resource_pool_id}`). */
export function inComputeCluster(attributes: Record<string, any>): boolean {
  const pool = attributes.resource_pool_id;
  return isUnresolved(pool) && /\bvsphere_compute_cluster\.[\w-]+\.resource_pool_id\b/.test(String(pool));
}

/** The resources of `resourceType` whose `virtual_machine_id` refers to `vm`. */
export function overridesFor(vm: PolicyResource, context: PolicyContext, resourceType: string): PolicyResource[] {
  // indexed once per context by the VM each override refers to (a scan per VM is quadratic)
  const byVm = derivedIndex(context, `overrides:${resourceType}`, () => {
    const map = new Map<string, PolicyResource[]>();
    for (const r of resourcesOfTypes(context, [resourceType])) {
      for (const address of new Set(referencedAddresses(r.attributes?.virtual_machine_id))) {
        const bucket = map.get(address);
        if (bucket) bucket.push(r); else map.set(address, [r]);
      }
    }
    return map;
  });
  return byVm.get(vm.address) ?? [];
}
