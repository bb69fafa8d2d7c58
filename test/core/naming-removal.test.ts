import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import { Errors, Naming, Policy, RemovalPolicies, RemovalPolicy } from '../../lib';
import { invalid, REDACTED, withScope } from '../../lib/core/private/errors';
import { NullProviderStub } from '../helpers/null-resource';

describe('Naming', () => {
  test.each([['web', true], ['web-1', true], ['a'.repeat(63), true], ['a'.repeat(64), false], ['Web', false], ['-web', false], ['web-', false], ['', false], ['we_b', false], ['web.api', false]])(
    'isDnsLabel(%j) is %p', (value, ok) => expect(Naming.isDnsLabel(value)).toBe(ok));

  test.each([['app.example.com', true], ['web', true], ['a.-b', false], [`${'a'.repeat(64)}.com`, false], ['a.'.repeat(127) + 'a', false], ['UPPER.case', false]])(
    'isDnsSubdomain(%j) is %p', (value, ok) => expect(Naming.isDnsSubdomain(value)).toBe(ok));

  test('uniqueDnsLabel is deterministic, readable, valid and within the limit', () => {
    const build = () => {
      const stack = new TerraformStack(Testing.app(), 'stack');
      return new Construct(new Construct(stack, 'Payments_Tier'), 'Ledger-API');
    };
    const a = Naming.uniqueDnsLabel(build());
    expect(a).toBe(Naming.uniqueDnsLabel(build()));
    expect(a).toMatch(/^payments-tier-ledger-api-[0-9a-f]{8}$/);
    const short = Naming.uniqueDnsLabel(build(), 20);
    expect(short.length).toBeLessThanOrEqual(20);
    expect(Naming.isDnsLabel(short)).toBe(true);
  });

  test('uniqueDnsLabel differs for constructs whose ids sanitize alike', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    expect(Naming.uniqueDnsLabel(new Construct(stack, 'A_B'))).not.toBe(Naming.uniqueDnsLabel(new Construct(stack, 'A-B')));
  });
});

describe('RemovalPolicies', () => {
  test('RETAIN by default sets prevent_destroy and keeps other lifecycle settings', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const resource = NullProviderStub.resource(stack, 'Disk');
    resource.lifecycle = { ignoreChanges: ['tags'] };
    RemovalPolicies.apply(resource);
    const synth = JSON.parse(Testing.synth(stack));
    expect(synth.resource.terraform_data.Disk.lifecycle).toEqual({ ignore_changes: ['tags'], prevent_destroy: true });
  });

  test('DESTROY turns protection off explicitly', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const resource = NullProviderStub.resource(stack, 'Scratch');
    RemovalPolicies.apply(resource, RemovalPolicy.DESTROY);
    expect(JSON.parse(Testing.synth(stack)).resource.terraform_data.Scratch.lifecycle).toEqual({ prevent_destroy: false });
  });
});

describe('ValidationError', () => {
  test('message format: <construct path>: <prop>: <what is wrong> (got <value>). <how to fix>', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const c = new Construct(stack, 'Vm');
    const error = invalid(c, 'memoryMiB', 'must be a multiple of 4', 4097, 'Use 4096.');
    expect(error.message).toBe('stack/Vm: memoryMiB: must be a multiple of 4 (got 4097). Use 4096.');
    expect(Errors.isValidationError(error)).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect(Errors.isValidationError(new Error('x'))).toBe(false);
    expect(Errors.isValidationError(undefined)).toBe(false);
  });

  test('secrets are redacted and long values shortened', () => {
    expect(invalid('X', 'password', 'is too short', REDACTED, 'Use 16+ characters.').message).toBe('X: password: is too short (got <redacted>). Use 16+ characters.');
    expect(invalid('X', 'p', 'bad', 'y'.repeat(500), 'fix').message.length).toBeLessThan(160);
  });

  test('withScope re-homes a value-type error under the construct and prop', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const c = new Construct(stack, 'Web');
    expect(() => withScope(c, 'image', () => { throw invalid('ImageReference.parse', 'tag', 'is not a valid tag', '-x', 'Fix it.'); }))
      .toThrow('stack/Web: image.tag: is not a valid tag (got "-x"). Fix it.');
    expect(() => withScope(c, 'memory', () => { throw invalid('Size.parse', 'value', 'is bad', '1x', 'Fix it.'); }))
      .toThrow('stack/Web: memory: is bad (got "1x"). Fix it.');
  });
});

describe('Policy.suppress', () => {
  test('records suppressions on the subtree, nearest first', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    const tier = new Construct(stack, 'Tier');
    const vm = new Construct(tier, 'Vm');
    Policy.suppress(tier, 'VM-NO-PASSTHROUGH', 'GPU inference needs DirectPath I/O');
    Policy.suppress(vm, 'VM-NO-CDROM', 'installer ISO attached during build only');
    expect(Policy.suppressionsFor(vm).map((s) => s.ruleId)).toEqual(['VM-NO-CDROM', 'VM-NO-PASSTHROUGH']);
    expect(Policy.suppressionsFor(tier)).toEqual([{ ruleId: 'VM-NO-PASSTHROUGH', reason: 'GPU inference needs DirectPath I/O', scopePath: 'stack/Tier' }]);
  });
  test('fails without a real reason', () => {
    const stack = new TerraformStack(Testing.app(), 'stack');
    expect(() => Policy.suppress(stack, 'VM-NO-CDROM', 'because')).toThrow(/^stack: reason: must explain the exception in at least 10 characters \(got "because"\)/);
    expect(() => Policy.suppress(stack, 'not a rule', 'a long enough reason')).toThrow(/^stack: ruleId: is not a policy rule id/);
  });
});
