import { ContainerResources } from '../../core/container-spec';
import { Cpu, Size } from '../../core/quantity';
import { ErrorScope, invalid } from '../../core/private/errors';

/** Library defaults for containers, used when neither the spec nor the namespace gives a value. */
export const LIBRARY_CONTAINER_DEFAULTS: ContainerResources = {
  cpuRequest: Cpu.millicores(100),
  cpuLimit: Cpu.millicores(500),
  memoryRequest: Size.mebibytes(128),
  memoryLimit: Size.mebibytes(256),
  ephemeralStorageRequest: Size.mebibytes(128),
  ephemeralStorageLimit: Size.mebibytes(512),
};

type Amount = Cpu & Size;

function pair<T extends Cpu | Size>(scope: ErrorScope, prop: string, what: string,
  request: T | undefined, limit: T | undefined, fallbackRequest: T, fallbackLimit: T): [T, T] {
  // A missing request never exceeds the given limit; a missing limit never falls below the request.
  const r = request ?? (limit !== undefined && !(fallbackRequest as Amount).isAtMost(limit as Amount) ? limit : fallbackRequest);
  const l = limit ?? ((fallbackLimit as Amount).isAtMost(r as Amount) ? r : fallbackLimit);
  if (!(r as Amount).isAtMost(l as Amount)) {
    throw invalid(scope, `${prop}.${what}Limit`, `is below ${what}Request (${r.toString()})`, l.toString(),
      `Raise ${what}Limit to at least ${r.toString()} or lower ${what}Request.`);
  }
  return [r, l];
}

/**
 * Resolves all six values (cpu, memory, ephemeral storage; request and limit) from what was
 * given, falling back to `fallback` (itself completed from the library defaults).
 * Enforces limit >= request (K8S-RESOURCES).
 */
export function resolveResources(scope: ErrorScope, prop: string, given: ContainerResources | undefined,
  fallback: ContainerResources = LIBRARY_CONTAINER_DEFAULTS): ContainerResources {
  const d = fallback === LIBRARY_CONTAINER_DEFAULTS ? fallback : resolveResources(scope, prop, fallback, LIBRARY_CONTAINER_DEFAULTS);
  const g = given ?? {};
  const [cpuRequest, cpuLimit] = pair(scope, prop, 'cpu', g.cpuRequest, g.cpuLimit, d.cpuRequest!, d.cpuLimit!);
  const [memoryRequest, memoryLimit] = pair(scope, prop, 'memory', g.memoryRequest, g.memoryLimit, d.memoryRequest!, d.memoryLimit!);
  const [ephemeralStorageRequest, ephemeralStorageLimit] = pair(scope, prop, 'ephemeralStorage',
    g.ephemeralStorageRequest, g.ephemeralStorageLimit, d.ephemeralStorageRequest!, d.ephemeralStorageLimit!);
  return { cpuRequest, cpuLimit, memoryRequest, memoryLimit, ephemeralStorageRequest, ephemeralStorageLimit };
}
