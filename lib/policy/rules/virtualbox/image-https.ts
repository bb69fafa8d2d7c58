import { isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { defineRule } from '../private/rule-kit';
import { VIRTUALBOX_PROV } from './unenforceable';

/** VBOX-IMAGE-HTTPS: The VM image is fetched over HTTPS or from a local path. */
export const vboxImageHttps = defineRule({
  ruleId: 'VBOX-IMAGE-HTTPS',
  title: 'The VM image is fetched over HTTPS or from a local path',
  severity: Severity.MEDIUM,
  source: `${VIRTUALBOX_PROV} (checksum is declared but never verified)`,
  resourceTypes: ['virtualbox_vm'],
  rationale: 'image (and the deprecated url, which overrides it) must be an https:// URL or a local path. The provider never verifies checksum, so a plain http:// image can be swapped in transit.',
}, (attributes, findings) => {
  for (const key of ['image', 'url']) {
    const value = attributes[key];
    if (isUnresolved(value)) findings.unknown(key, value);
    else if (typeof value === 'string' && /^http:\/\//i.test(value.trim())) findings.fail(key, value, 'use an https:// URL or a local path');
  }
});
