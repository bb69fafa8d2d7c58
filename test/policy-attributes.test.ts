import { asBlocks, findAll, getValue, isUnresolved, referencedAddresses } from '../lib/policy/private/attributes';

describe('policy attribute helpers', () => {
  const deployment = {
    spec: {
      template: [{ spec: { container: [{ name: 'a', security_context: { privileged: true } }, { name: 'b' }], host_pid: false } }],
    },
  };

  test('findAll flattens object and list renderings of blocks, with concrete paths', () => {
    expect(findAll(deployment, 'spec.template.spec.container').map((f) => f.path)).toEqual([
      'spec.template[0].spec.container[0]', 'spec.template[0].spec.container[1]',
    ]);
    expect(findAll(deployment, 'spec.template.spec.container.security_context.privileged')).toEqual([
      { value: true, path: 'spec.template[0].spec.container[0].security_context.privileged' },
    ]);
    expect(findAll(deployment, 'spec.missing.x')).toEqual([]);
    expect(findAll({ capabilities: { drop: ['ALL'] } }, 'capabilities.drop')).toEqual([{ value: ['ALL'], path: 'capabilities.drop' }]);
  });

  test('getValue returns the first match', () => {
    expect(getValue(deployment, 'spec.template.spec.host_pid')).toBe(false);
    expect(getValue(deployment, 'spec.nothing')).toBeUndefined();
  });

  test('asBlocks normalises', () => {
    expect(asBlocks(undefined)).toEqual([]);
    expect(asBlocks({ a: 1 })).toEqual([{ a: 1 }]);
    expect(asBlocks([{ a: 1 }, 'x', null])).toEqual([{ a: 1 }]);
  });

  test('isUnresolved spots Terraform expressions and cdktf tokens', () => {
    expect(isUnresolved('${var.x}')).toBe(true);
    expect(isUnresolved('${TfToken[TOKEN.1]}')).toBe(true);
    expect(isUnresolved(['a', '${var.y}'])).toBe(true);
    expect(isUnresolved('plain')).toBe(false);
    expect(isUnresolved(true)).toBe(false);
  });

  test('referencedAddresses extracts resource addresses and ignores variables', () => {
    expect(referencedAddresses('${kubernetes_namespace_v1.apps.metadata[0].name}')).toEqual(['kubernetes_namespace_v1.apps']);
    expect(referencedAddresses('${var.x}-${data.vsphere_datacenter.dc.id}')).toEqual([]);
    expect(referencedAddresses('${vsphere_virtual_machine.gpu.uuid}')).toEqual(['vsphere_virtual_machine.gpu']);
    expect(referencedAddresses(42)).toEqual([]);
  });
});
