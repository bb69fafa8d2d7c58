import { isUnresolved, referencedResources } from '../../private/attributes';
import { contextIndex, derivedIndex, resourcesOfTypes } from '../../private/context-index';
import { PolicyContext, PolicyResource, Severity } from '../../rule';
import { defineRule, Findings } from '../private/rule-kit';

/** Thresholds an image scan gate may have, lowest first (ScanSeverity). */
const THRESHOLDS = ['negligible', 'low', 'medium', 'high', 'critical'];
const MAX_THRESHOLD = 'high';

/** A scan gate as ImageScanGate renders it: a terraform_data whose triggers name the image, scanner and threshold. */
function gateOf(resource: PolicyResource): { image: unknown; scanner: unknown; threshold: unknown } | undefined {
  const t = resource.attributes?.triggers_replace;
  if (resource.resourceType !== 'terraform_data' || typeof t !== 'object' || t === null || t.image === undefined || t.scanner === undefined) return undefined;
  return { image: t.image, scanner: t.scanner, threshold: t.threshold };
}

/** `docker_container.depends_on` entries (`terraform_data.x` or `${terraform_data.x}`) as resources of the stack. */
function dependencies(dependsOn: unknown, context: PolicyContext): PolicyResource[] {
  if (!Array.isArray(dependsOn)) return [];
  const byAddress = contextIndex(context).byAddress;
  return dependsOn.flatMap((d) => {
    const found = typeof d === 'string' ? byAddress.get(d.replace(/^\$\{(.*)\}$/, '$1')) : undefined;
    return found ? [found] : [];
  });
}

/**
 * The gates of the stack by what they guard: `<triggers_replace as JSON> <address of a dependency>` → the gates
 * with those triggers that depend on that resource (a guard depends on the container it protects).
 * Built once per stack, so the rule looks a guard up instead of scanning every resource per container.
 */
function guardsIndex(context: PolicyContext): Map<string, PolicyResource[]> {
  return derivedIndex(context, 'docker-image-scanned/guards', () => {
    const out = new Map<string, PolicyResource[]>();
    for (const r of resourcesOfTypes(context, ['terraform_data'])) {
      if (gateOf(r) === undefined) continue;
      const triggers = JSON.stringify(r.attributes.triggers_replace);
      for (const d of dependencies(r.attributes.depends_on, context)) {
        const key = `${triggers} ${d.address}`;
        const list = out.get(key);
        if (list) list.push(r);
        else out.set(key, [r]);
      }
    }
    return out;
  });
}

/** The reference the container runs: a literal, or the `name` of the docker_image its `image` refers to. */
function imageOf(image: unknown, context: PolicyContext): unknown {
  if (!isUnresolved(image)) return image;
  const pulled = referencedResources(image, context, ['docker_image'])[0];
  return pulled ? pulled.attributes?.name : image;
}

/** DOCKER-IMAGE-SCANNED: the container's exact image passed a vulnerability scan gate before it runs. */
export const dockerImageScanned = defineRule({
  ruleId: 'DOCKER-IMAGE-SCANNED',
  title: 'The container\'s image is gated by a vulnerability scan at HIGH or stricter, guarded for replacement',
  severity: Severity.MEDIUM,
  source: 'NIST SP 800-190 §4.1.1, §5.1.1 (image vulnerabilities); NSA Kubernetes Hardening Guide §Building secure container images',
  resourceTypes: ['docker_container'],
  rationale: 'Passes when depends_on names an ImageScanGate (a terraform_data whose triggers_replace holds image, scanner and threshold) for the '
    + 'same reference the container runs (a literal, or the name of the docker_image it refers to), with a threshold of high or stricter, '
    + 'and a guard (a terraform_data with the same triggers that depends on the container) so a failed scan of a new digest stops Terraform '
    + 'before it replaces the running container. No gate, a gate for another image, a critical-only threshold or no guard fail; '
    + 'an image only known at apply is UNKNOWN.',
}, (attributes, findings: Findings, resource, context) => {
  const gates = dependencies(attributes.depends_on, context).filter((r) => gateOf(r) !== undefined);
  const image = imageOf(attributes.image, context);
  if (gates.length === 0) {
    return findings.fail('depends_on', attributes.depends_on,
      `gate ${typeof image === 'string' ? image : 'the image'} with an ImageScanGate and pass it as HardenedContainerProps.scanGate: no vulnerability scan runs before this container`);
  }
  if (isUnresolved(image)) return findings.unknown('image', attributes.image);
  const gate = gates.find((g) => gateOf(g)!.image === image);
  if (!gate) {
    return findings.fail('depends_on', gates.map((g) => `${g.address} scans ${String(gateOf(g)!.image)}`).join('; '),
      `give the container the ImageScanGate of its own image, ${String(image)}`);
  }
  const { scanner, threshold } = gateOf(gate)!;
  const found = `${gate.address}: ${String(scanner)} at ${String(threshold)} for ${String(image)}`;
  if (typeof threshold !== 'string' || !THRESHOLDS.includes(threshold)) {
    findings.fail('depends_on', found, 'rebuild the gate with ImageScanGate, which records its threshold', 'threshold=unknown');
  } else if (THRESHOLDS.indexOf(threshold) > THRESHOLDS.indexOf(MAX_THRESHOLD)) {
    findings.fail('depends_on', found, `set failOnSeverity to ${MAX_THRESHOLD} or lower: at ${threshold}, images with known ${MAX_THRESHOLD} vulnerabilities pass`, `threshold=${threshold}`);
  }
  const guards = guardsIndex(context).get(`${JSON.stringify(gate.attributes.triggers_replace)} ${resource.address}`) ?? [];
  const guarded = guards.some((r) => r !== gate);
  if (!guarded) {
    findings.fail('depends_on', found, 'pass the gate as HardenedContainerProps.scanGate, which adds its guard: without it Terraform destroys '
      + 'this container before it scans a new digest, so a failed scan leaves the service down', 'guard=missing');
  }
});
