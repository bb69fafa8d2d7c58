// Issue 14 (smaller ones): a misspelled rule id in Policy.suppress is reported at synth, not only as
// an unused suppression in the report.
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { Policy, PolicyChecks } from '../../lib';

function warnings(stack: TerraformStack): string[] {
  Testing.synth(stack, false);
  return stack.node.findAll().flatMap((c) => c.node.metadata.filter((m) => m.type === '@cdktf/warn').map((m) => String(m.data)));
}

describe('Policy.suppress with an id no rule has', () => {
  test('warns at synth, naming the id and how to fix it', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const c = new Construct(stack, 'Thing');
    Policy.suppress(c, 'DOCKER-READONLY-ROOTF', 'the vendor image writes its config at boot');
    PolicyChecks.applyTo(stack);
    const w = warnings(stack).filter((m) => m.includes('DOCKER-READONLY-ROOTF'));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/no rule "DOCKER-READONLY-ROOTF" exists.*RULES\.md/);
  });

  test('does not warn for a real rule id, with or without a [detail]', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const c = new Construct(stack, 'Thing');
    Policy.suppress(c, 'DOCKER-READONLY-ROOTFS', 'the vendor image writes its config at boot');
    Policy.suppress(c, 'K8S-NO-PRIVILEGED[container=web]', 'a node agent that needs the host, ticket OPS-1');
    PolicyChecks.applyTo(stack);
    expect(warnings(stack).filter((m) => m.includes('no rule'))).toEqual([]);
  });
});
