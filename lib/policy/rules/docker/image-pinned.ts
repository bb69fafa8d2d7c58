import { isUnresolved } from '../../private/attributes';
import { PolicyContext, Severity } from '../../rule';
import { defineRule, Findings } from '../private/rule-kit';
import { contextIndex } from '../../private/context-index';

const DIGEST = /@sha256:[0-9a-f]{64}$/i;
const IMAGE_ID = /^sha256:[0-9a-f]{64}$/i;

function judge(image: string, context: PolicyContext, findings: Findings, depth: number): void {
  if (isUnresolved(image)) {
    // docker_image.<n>.image_id / .repo_digest, or "<repo>@${...sha256_digest}" are pinned by construction.
    if (/\$\{[^}]*\bdocker_image\.[\w-]+\.(image_id|repo_digest)\s*\}/.test(image)) return;
    if (/@\$\{[^}]*sha256_digest\s*\}$/.test(image) || /@sha256:\$\{/.test(image)) return;
    // docker_image.<n>.name: judge the name of that docker_image if it is in the stack.
    const nameRef = image.match(/^\$\{\s*(docker_image\.[\w-]+)\.name\s*\}$/);
    const target = nameRef && contextIndex(context).byAddress.get(nameRef[1]);
    if (target && depth < 2 && typeof target.attributes?.name === 'string') return judge(target.attributes.name, context, findings, depth + 1);
    return findings.unknown('image', image);
  }
  if (DIGEST.test(image) || IMAGE_ID.test(image)) return;
  findings.fail('image', image, 'pin the image: "<repo>@sha256:<digest>" (e.g. from docker_registry_image.sha256_digest) or docker_image.<name>.image_id');
}

/** DOCKER-IMAGE-PINNED: the image cannot change under the same name. */
export const dockerImagePinned = defineRule({
  ruleId: 'DOCKER-IMAGE-PINNED',
  title: 'Image is pinned by digest or image id, not a floating tag',
  severity: Severity.MEDIUM,
  source: 'CIS-D 5.28',
  resourceTypes: ['docker_container'],
  rationale: 'Passes for "<repo>@sha256:<64 hex>", a "sha256:<id>" image id, ${docker_image.<n>.image_id|repo_digest}, or "<repo>@${...sha256_digest}". '
    + 'Any tag (":latest" or a version tag) fails, since tags move. ${docker_image.<n>.name} is judged by that image\'s name; other references are UNKNOWN.',
}, (attributes, findings, _resource, context) => {
  const image = attributes.image;
  if (image === undefined || image === null || image === '') return findings.fail('image', image, 'set image to a pinned reference');
  judge(String(image), context, findings, 0);
});
