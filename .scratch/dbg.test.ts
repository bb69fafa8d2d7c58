import { PolicyPacks } from '../lib';
import { manifest, secureStack } from '../test/policy/rules/kubernetes/fixtures';
test('x', () => {
  const rule = PolicyPacks.kubernetes().find((r) => r.ruleId === 'K8S-HOST-NAMESPACES')!;
  for (const res of [manifest(), manifest(undefined, 'Pod'), manifest(undefined, 'CronJob')]) console.log(rule.evaluate(res, secureStack()).reason);
});
