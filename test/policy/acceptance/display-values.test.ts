// Regression (bug found by the acceptance tests): a boolean flag under a secret-looking attribute name
// (automount_service_account_token) was shown as <redacted>, so the finding read "... is <redacted>".
import { Testing } from 'cdktf';
import { PolicyPacks } from '../../../lib';
import { displayValue } from '../../../lib/policy/private/engine';
import { k8sDeployment, newStack, pod, synthFindings } from './fixtures';

describe('values shown in findings', () => {
  test('a boolean under a secret-looking name is shown; strings and other values there stay redacted', () => {
    expect(displayValue('spec.template.spec.automount_service_account_token', true)).toBe('true');
    expect(displayValue('automount_service_account_token', false)).toBe('false');
    expect(displayValue('key_material', '-----BEGIN PRIVATE KEY-----')).toBe('<redacted>');
    expect(displayValue('registry_auth.password', 'hunter2')).toBe('<redacted>');
    expect(displayValue('registry_auth.token', 12345)).toBe('<redacted>');
  });

  test('K8S-SA-TOKEN on a raw deployment names the value it found', () => {
    const stack = newStack(Testing.app());
    k8sDeployment(stack, 'Web', (c) => { pod(c).automountServiceAccountToken = true; });
    const { findings } = synthFindings(stack, PolicyPacks.kubernetes().filter((r) => r.ruleId === 'K8S-SA-TOKEN'));
    expect(findings.map((f) => [f.ruleId, f.found])).toEqual([['K8S-SA-TOKEN[pod]', 'true']]);
    expect(findings[0].message).toContain('spec.template.spec.automount_service_account_token is true.');
  });
});
