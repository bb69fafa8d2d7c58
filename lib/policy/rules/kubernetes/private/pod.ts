// Locating pod specs, containers and volumes in Kubernetes resources, for the typed provider
// resources (snake_case) and for `kubernetes_manifest` (the raw camelCase API object).
import { PolicyContext, PolicyResource, RuleResult } from '../../../rule';
import { cachedRead, Found, findAll, getValue, isUnresolved, referencedAddresses } from '../../../private/attributes';
import { contextIndex, derivedIndex, resourcesOfTypes } from '../../../private/context-index';
import { appliesTo, BuiltInRule, Findings, RuleInfo, safely } from '../../private/rule-kit';

/** Where the pod spec and pod metadata of a typed workload live (security-baseline.md, Conventions). */
interface PodLocation { readonly spec: string; readonly metadata: string }

const TEMPLATE: PodLocation = { spec: 'spec.template.spec', metadata: 'spec.template.metadata' };
const CRON: PodLocation = { spec: 'spec.job_template.spec.template.spec', metadata: 'spec.job_template.spec.template.metadata' };
const POD: PodLocation = { spec: 'spec', metadata: 'metadata' };

/** Typed workload resource types (the `_v1` kinds and their deprecated unversioned twins) → pod location. */
const TYPED_WORKLOADS: Record<string, PodLocation> = {
  kubernetes_deployment_v1: TEMPLATE,
  kubernetes_deployment: TEMPLATE,
  kubernetes_stateful_set_v1: TEMPLATE,
  kubernetes_stateful_set: TEMPLATE,
  kubernetes_daemon_set_v1: TEMPLATE,
  kubernetes_daemonset: TEMPLATE,
  kubernetes_job_v1: TEMPLATE,
  kubernetes_job: TEMPLATE,
  kubernetes_replication_controller_v1: TEMPLATE,
  kubernetes_replication_controller: TEMPLATE,
  kubernetes_cron_job_v1: CRON,
  kubernetes_cron_job: CRON,
  kubernetes_pod_v1: POD,
  kubernetes_pod: POD,
};

/** `kubernetes_manifest` kinds that carry a pod spec → its location under `manifest`. */
const MANIFEST_KINDS: Record<string, PodLocation> = {
  Pod: { spec: 'manifest.spec', metadata: 'manifest.metadata' },
  Deployment: { spec: 'manifest.spec.template.spec', metadata: 'manifest.spec.template.metadata' },
  StatefulSet: { spec: 'manifest.spec.template.spec', metadata: 'manifest.spec.template.metadata' },
  DaemonSet: { spec: 'manifest.spec.template.spec', metadata: 'manifest.spec.template.metadata' },
  ReplicaSet: { spec: 'manifest.spec.template.spec', metadata: 'manifest.spec.template.metadata' },
  ReplicationController: { spec: 'manifest.spec.template.spec', metadata: 'manifest.spec.template.metadata' },
  Job: { spec: 'manifest.spec.template.spec', metadata: 'manifest.spec.template.metadata' },
  PodTemplate: { spec: 'manifest.template.spec', metadata: 'manifest.template.metadata' },
  CronJob: { spec: 'manifest.spec.jobTemplate.spec.template.spec', metadata: 'manifest.spec.jobTemplate.spec.template.metadata' },
};

/** The typed Kubernetes resource types that hold a pod spec. */
export const WORKLOAD_TYPES: string[] = Object.keys(TYPED_WORKLOADS);

/** The raw manifest resource type. */
export const MANIFEST_TYPE = 'kubernetes_manifest';

/** Namespace resource types. */
export const NAMESPACE_TYPES: string[] = ['kubernetes_namespace_v1', 'kubernetes_namespace'];

/** Attribute names: snake_case for typed resources, the API's camelCase inside `kubernetes_manifest`. */
export interface Dialect {
  /** True for `kubernetes_manifest`. */
  readonly manifest: boolean;
  /** The attribute name for a snake_case name of the typed schema. */
  key(snakeName: string): string;
}

const CAMEL_EXCEPTIONS: Record<string, string> = {
  container: 'containers',
  init_container: 'initContainers',
  volume: 'volumes',
  port: 'ports',
  volume_mount: 'volumeMounts',
  sysctl: 'sysctls',
  host_pid: 'hostPID',
  host_ipc: 'hostIPC',
  downward_api: 'downwardAPI',
  http_get: 'httpGet',
  se_linux_options: 'seLinuxOptions',
};

const TYPED: Dialect = { manifest: false, key: (name) => name };
const CAMEL: Dialect = {
  manifest: true,
  key: (name) => CAMEL_EXCEPTIONS[name] ?? name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()),
};

/** One container (or init container) of a pod. */
export interface Container {
  /** The container block. */
  readonly value: Record<string, any>;
  /** Its concrete attribute path. */
  readonly path: string;
  /** Its name, or `#<index>` when unnamed. */
  readonly name: string;
  /** `container=<name>` or `init_container=<name>`, for violation details. */
  readonly detail: string;
  /** True for an init (or, in manifests, ephemeral) container. */
  readonly init: boolean;
}

/** One pod template found in a resource. */
export interface Pod {
  readonly dialect: Dialect;
  /** The pod spec object. */
  readonly spec: Record<string, any>;
  /** The pod spec's concrete path, e.g. `spec.template.spec` or `spec[0].template[0].spec[0]`. */
  readonly specPath: string;
  /** The pod metadata object, if any. */
  readonly metadata?: Record<string, any>;
  /** The pod metadata's path (its expected path when missing). */
  readonly metadataPath: string;
  /** True when the pod metadata is an expression only known at apply. */
  readonly metadataUnresolved: boolean;
  /** Containers, then init containers (and ephemeral containers of manifests). */
  readonly containers: Container[];
  /** Volume blocks. */
  readonly volumes: Found[];
  /** Paths of container or volume lists (or elements, or `dynamic` blocks) that are only known at apply. */
  readonly unresolvedBlocks: string[];
  /** Container or volume entries that are neither a block nor an expression (malformed input). */
  readonly unreadable: Unreadable[];
}

/** A part of a workload that no rule can read: a missing pod spec, or a list entry that is not a block. */
export interface Unreadable {
  /** Where it is (or should be), e.g. `spec.template.spec` or `spec[0].volume[0]`. */
  readonly path: string;
  /** What is there instead; undefined when it is missing. */
  readonly found?: unknown;
  /** True when the pod spec itself is missing or not an object (false: one malformed list entry). */
  readonly missingSpec: boolean;
}

/** What `locatePods` found. */
export interface PodLookup {
  /** False when the resource holds no pod template (another type, or a manifest of another kind). */
  readonly applicable: boolean;
  /** Set when the pod template is only known at apply. */
  readonly unresolved?: string;
  readonly pods: Pod[];
  /**
   * Pod specs the resource should have but that cannot be read (missing, or not an object). The provider
   * rejects such a resource; the rules fail closed on it instead of passing it in silence.
   */
  readonly unreadable: Unreadable[];
}

/** Joins attribute paths. */
export function joinPath(base: string, sub: string): string {
  if (!base) return sub;
  if (!sub) return base;
  return sub.startsWith('[') ? `${base}${sub}` : `${base}.${sub}`;
}

/** `findAll` below a found element, with paths prefixed by the element's path. */
export function below(base: { value: unknown; path: string }, subPath: string): Found[] {
  return findAll(base.value, subPath).map((f) => ({ value: f.value, path: joinPath(base.path, f.path) }));
}

function isObject(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function podLocation(resource: PolicyResource): PodLocation | undefined | 'unresolved' {
  if (resource.resourceType === MANIFEST_TYPE) {
    const manifest = resource.attributes.manifest;
    if (isUnresolved(manifest)) return 'unresolved';
    const kind = getValue(resource.attributes, 'manifest.kind');
    if (isUnresolved(kind)) return 'unresolved';
    return typeof kind === 'string' ? MANIFEST_KINDS[kind] : undefined;
  }
  return TYPED_WORKLOADS[resource.resourceType];
}

/**
 * Finds every pod template in a resource, with its containers and volumes; worked out once per resource
 * for all the pod rules (see `cachedRead`). The lookup is shared: rules read it and never change it.
 */
export function locatePods(resource: PolicyResource): PodLookup {
  return cachedRead(resource, 'pods', () => findPods(resource));
}

function findPods(resource: PolicyResource): PodLookup {
  const location = podLocation(resource);
  if (location === undefined) return { applicable: false, pods: [], unreadable: [] };
  if (location === 'unresolved') return { applicable: true, unresolved: 'the manifest is only known at apply', pods: [], unreadable: [] };
  const dialect = resource.resourceType === MANIFEST_TYPE ? CAMEL : TYPED;

  // an unresolved step on the way (e.g. `spec: "${var.spec}"`) makes the whole pod unknown
  const steps = location.spec.split('.');
  for (let i = 1; i <= steps.length; i++) {
    const prefix = steps.slice(0, i).join('.');
    const atPrefix = findAll(resource.attributes, prefix);
    const unresolved = atPrefix.find((f) => isUnresolved(f.value) && typeof f.value === 'string');
    if (unresolved) return { applicable: true, unresolved: `${unresolved.path} is only known at apply`, pods: [], unreadable: [] };
    // a `dynamic` block on the way (cdktf iterators) is expanded only at plan
    const dynamic = i < steps.length ? atPrefix.find((f) => isObject(f.value) && f.value.dynamic !== undefined) : undefined;
    if (dynamic) return { applicable: true, unresolved: `${joinPath(dynamic.path, 'dynamic')} is only known at apply`, pods: [], unreadable: [] };
  }

  const pods: Pod[] = [];
  const unreadable: Unreadable[] = [];
  const specs = findAll(resource.attributes, location.spec);
  if (specs.length === 0) unreadable.push({ path: location.spec, missingSpec: true });
  for (const found of specs) {
    if (!isObject(found.value)) {
      unreadable.push({ path: found.path, found: found.value, missingSpec: true });
      continue;
    }
    const spec = found.value;
    // pod metadata is the sibling of the pod spec
    const parentPath = found.path.replace(/\.?spec(\[\d+\])?$/, '');
    const metadataPrefix = joinPath(parentPath, 'metadata');
    const metadataFound = findAll(resource.attributes, location.metadata)
      .find((m) => m.path === metadataPrefix || m.path.startsWith(`${metadataPrefix}[`));
    const metadataPath = metadataPrefix;

    const unresolvedBlocks: string[] = [];
    const malformed: Unreadable[] = [];
    if (spec.dynamic !== undefined) unresolvedBlocks.push(joinPath(found.path, 'dynamic'));
    const containers: Container[] = [];
    const lists: Array<[string, boolean]> = [[dialect.key('container'), false], [dialect.key('init_container'), true]];
    if (dialect.manifest) lists.push(['ephemeralContainers', true]);
    for (const [key, init] of lists) {
      entries(below(found, key), unresolvedBlocks, malformed).forEach((c, index) => {
        const name = typeof c.value.name === 'string' ? c.value.name : `#${index}`;
        const kind = init ? (key === 'ephemeralContainers' ? 'ephemeral_container' : 'init_container') : 'container';
        containers.push({ value: c.value, path: c.path, name, detail: `${kind}=${name}`, init });
      });
    }
    const volumes = entries(below(found, dialect.key('volume')), unresolvedBlocks, malformed);
    pods.push({
      dialect,
      spec,
      specPath: found.path,
      metadata: metadataFound && isObject(metadataFound.value) ? metadataFound.value : undefined,
      metadataPath: metadataFound?.path ?? metadataPath,
      metadataUnresolved: metadataFound !== undefined && isUnresolved(metadataFound.value),
      containers,
      volumes,
      unresolvedBlocks,
      unreadable: malformed,
    });
  }
  return { applicable: true, pods, unreadable };
}

/**
 * The blocks of a list such as `container` or `volume`, one by one. A list that mixes blocks with other
 * values (`["invalid", {host_path...}]`) is split too, so its blocks are still checked; expressions go to
 * `unresolved`, anything else that is not a block to `malformed`.
 */
function entries(found: Found[], unresolved: string[], malformed: Unreadable[]): Array<{ value: Record<string, any>; path: string }> {
  const out: Array<{ value: Record<string, any>; path: string }> = [];
  for (const item of found.flatMap((f) => Array.isArray(f.value) ? f.value.map((v, i) => ({ value: v as unknown, path: `${f.path}[${i}]` })) : [f])) {
    if (isObject(item.value)) out.push({ value: item.value, path: item.path });
    else if (isUnresolved(item.value)) unresolved.push(item.path);
    else malformed.push({ path: item.path, found: item.value, missingSpec: false });
  }
  return out;
}

/**
 * Fails closed on what cannot be read. A missing pod spec is reported once per attribute the rule requires
 * (`requires`, container-level, snake_case) or, without `requires`, as the missing spec itself; a malformed
 * list entry is reported where it is.
 */
export function failUnreadable(findings: Findings, unreadable: Unreadable[], manifest: boolean, requires: string[] = []): void {
  for (const u of unreadable) {
    if (!u.missingSpec) {
      findings.fail(u.path, u.found, 'write each entry of the list as a block; this one cannot be read, so the pod cannot be checked');
      continue;
    }
    const fix = `write the pod spec (${u.path}) with its containers: the provider requires it, and without it the pod cannot be checked`;
    if (u.found !== undefined || requires.length === 0) {
      findings.fail(u.path, u.found, fix);
      continue;
    }
    const dialect = manifest ? CAMEL : TYPED;
    for (const attribute of requires) {
      const steps = attribute.split('.').map((step) => step.replace(/^[a-z_]+/, (name) => dialect.key(name)));
      findings.fail(`${u.path}.${dialect.key('container')}[].${steps.join('.')}`, undefined, fix);
    }
  }
}

/** The name of a volume block, for details. */
export function volumeDetail(volume: Found): string {
  const name = (volume.value as Record<string, any>).name;
  return `volume=${typeof name === 'string' ? name : '?'}`;
}

/** The `metadata.namespace` of a typed resource or a manifest. */
export function namespaceOf(resource: PolicyResource): Found | undefined {
  const path = resource.resourceType === MANIFEST_TYPE ? 'manifest.metadata.namespace' : 'metadata.namespace';
  return findAll(resource.attributes, path)[0];
}

/** Whether a namespaced resource lives in the given namespace resource: 'yes', 'no' or 'unknown'. */
export function isInNamespace(candidate: PolicyResource, namespace: PolicyResource): 'yes' | 'no' | 'unknown' {
  const nsName = getValue(namespace.attributes, 'metadata.name');
  const value = namespaceOf(candidate)?.value ?? 'default';
  if (typeof value !== 'string') return 'no';
  if (value === nsName) return 'yes';
  if (referencedAddresses(value).includes(namespace.address)) return 'yes';
  if (isUnresolved(value) || isUnresolved(nsName)) return 'unknown';
  return 'no';
}

/** Default PSA policy version of the library (minor of v1.x). */
export const DEFAULT_PSA_MINOR = 29;

/**
 * The PSA `enforce-version` minor that applies to a workload: from the stack's namespace
 * resource it lives in, else the library default (v1.29). `latest` gives +Infinity.
 */
export function psaMinor(resource: PolicyResource, context: PolicyContext): number {
  const ns = namespaceOf(resource)?.value;
  if (typeof ns !== 'string') return DEFAULT_PSA_MINOR;
  // the namespaces named `ns` or referred to by it, in stack order, from an index (not a scan per workload)
  const byName = derivedIndex(context, 'namespaces-by-name', () => {
    const map = new Map<unknown, PolicyResource[]>();
    for (const n of resourcesOfTypes(context, NAMESPACE_TYPES)) {
      const name = getValue(n.attributes, 'metadata.name');
      const bucket = map.get(name);
      if (bucket) bucket.push(n); else map.set(name, [n]);
    }
    return map;
  });
  const referenced = referencedAddresses(ns).map((a) => contextIndex(context).byAddress.get(a))
    .filter((r): r is PolicyResource => r !== undefined && NAMESPACE_TYPES.includes(r.resourceType));
  const position = contextIndex(context).position;
  const candidates = [...new Set([...(byName.get(ns) ?? []), ...referenced])].sort((a, b) => position.get(a)! - position.get(b)!);
  for (const candidate of candidates) {
    const labels = getValue(candidate.attributes, 'metadata.labels');
    const version = labels && typeof labels === 'object' ? (labels as Record<string, unknown>)['pod-security.kubernetes.io/enforce-version'] : undefined;
    if (version === 'latest') return Number.POSITIVE_INFINITY;
    const match = typeof version === 'string' ? /^v1\.(\d+)$/.exec(version) : null;
    if (match) return Number(match[1]);
  }
  return DEFAULT_PSA_MINOR;
}

/** `below(base, path)` with each snake_case step translated to the pod's dialect. */
export function at(pod: Pod, base: { value: unknown; path: string }, snakePath: string): Found[] {
  return below(base, snakePath.split('.').map((step) => pod.dialect.key(step)).join('.'));
}

/** The pod spec as a found element. */
export function specOf(pod: Pod): Found {
  return { value: pod.spec, path: pod.specPath };
}

/** The path a missing attribute would have below a base, in the pod's dialect. */
export function pathOf(pod: Pod, basePath: string, snakePath: string): string {
  return joinPath(basePath, snakePath.split('.').map((step) => pod.dialect.key(step)).join('.'));
}

/** Options of a rule that checks every pod template of a workload. */
export interface PodRuleOptions extends Omit<RuleInfo, 'resourceTypes'> {
  /** Also check `kubernetes_manifest` pod kinds (camelCase keys via `pod.dialect`). */
  readonly manifest?: boolean;
  /** Check only `kubernetes_manifest` (for fields the typed schema cannot express). */
  readonly manifestOnly?: boolean;
  /** Whether the rule concerns this pod at all; when no pod qualifies the result is NOT_APPLICABLE. */
  applies?(pod: Pod): boolean;
  /**
   * The container attributes the rule requires (snake_case, e.g. `security_context.allow_privilege_escalation`);
   * on a workload whose pod spec is missing each is reported as not set.
   * @default - the missing pod spec is reported as itself
   */
  readonly requires?: string[];
  /** Checks one pod template. */
  check(pod: Pod, findings: Findings, resource: PolicyResource, context: PolicyContext): void;
}

/**
 * A rule evaluated on each pod template of the workload kinds (and optionally of manifests), built
 * from the shared rule kit. Container or volume lists that are only known at apply make the result
 * UNKNOWN unless a violation is found.
 */
export function podRule(options: PodRuleOptions): BuiltInRule {
  const { check, manifest, manifestOnly, applies, requires, ...info } = options;
  const resourceTypes = manifestOnly ? [MANIFEST_TYPE] : manifest ? [...WORKLOAD_TYPES, MANIFEST_TYPE] : [...WORKLOAD_TYPES];
  return {
    ...info,
    suppressible: info.suppressible ?? true,
    resourceTypes,
    evaluate: (resource: PolicyResource, context: PolicyContext) => safely(info.ruleId, () => {
      if (!appliesTo(resourceTypes, resource)) return RuleResult.notApplicable();
      const lookup = locatePods(resource);
      if (!lookup.applicable) return RuleResult.notApplicable();
      if (lookup.unresolved) return RuleResult.unknown(lookup.unresolved);
      const isManifest = resource.resourceType === MANIFEST_TYPE;
      // a pod with a container or volume list only known at apply may concern the rule: kept, so it is UNKNOWN
      const pods = applies ? lookup.pods.filter((pod) => applies(pod) || pod.unresolvedBlocks.length > 0) : lookup.pods;
      if (applies && pods.length === 0) {
        // whether the rule concerns a pod that cannot be read is itself unknown: never NOT_APPLICABLE in silence
        const unread = [...lookup.unreadable, ...lookup.pods.flatMap((pod) => pod.unreadable)];
        return unread.length > 0 ? RuleResult.unknown(`${unread[0].path} cannot be read`) : RuleResult.notApplicable();
      }
      const findings = new Findings();
      failUnreadable(findings, lookup.unreadable, isManifest, requires);
      for (const pod of pods) {
        // a container or volume list known only at apply could hold anything: never PASS
        for (const path of pod.unresolvedBlocks) findings.unknown(path);
        failUnreadable(findings, pod.unreadable, isManifest);
        check(pod, findings, resource, context);
      }
      return findings.result();
    }),
  };
}
