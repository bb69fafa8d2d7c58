import { Volume } from '@cdktf/provider-docker/lib/volume';
import { Testing } from 'cdktf';
import { Node } from 'constructs';
import { ContainerVolume, HardenedContainer, RemovalPolicy } from '../../lib';
import { annotations, errorOf, fixture, newStack } from './fixtures';

describe('ContainerVolume', () => {
  test('snapshot of the default configuration', () => {
    const stack = newStack();
    new ContainerVolume(stack, 'Data');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('RETAIN by default: prevent_destroy', () => {
    const stack = newStack();
    const volume = new ContainerVolume(stack, 'Data', { volumeName: 'app-data' });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Volume, { name: 'app-data', driver: 'local', lifecycle: { prevent_destroy: true } });
    expect(volume.removalPolicy).toBe(RemovalPolicy.RETAIN);
    expect(Node.of(volume).defaultChild).toBe(volume.resource);
  });

  test('opt-out: DESTROY allows destroy, with a warning', () => {
    const stack = newStack();
    const volume = new ContainerVolume(stack, 'Scratch', { removalPolicy: RemovalPolicy.DESTROY });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Volume, { lifecycle: { prevent_destroy: false } });
    expect(annotations(volume)).toContainEqual({ level: '@cdktf/warn', message: expect.stringContaining("'removalPolicy' is DESTROY") });
  });

  test('fails on a name that is not a DNS label', () => {
    expect(errorOf(() => new ContainerVolume(newStack(), 'Data', { volumeName: 'data volume' }))).toMatch(/^stack\/Data: volumeName: is not a DNS-1123 label/);
  });
});

describe('ContainerVolume.fromVolumeName', () => {
  test('mounts an existing volume by name, without managing it', () => {
    const fx = fixture();
    const legacy = ContainerVolume.fromVolumeName(fx.stack, 'Legacy', 'legacy_data');
    new HardenedContainer(fx.stack, 'Web', { image: fx.image, spec: fx.spec, volumeMounts: [{ volume: legacy, containerPath: '/data', readOnly: true }] });
    const out = JSON.parse(Testing.synth(fx.stack));
    expect(out.resource.docker_volume).toBeUndefined();
    expect(Object.values<any>(out.resource.docker_container)[0].mounts).toEqual([{ type: 'volume', source: 'legacy_data', target: '/data', read_only: true }]);
  });

  test('fails on an invalid volume name', () => {
    expect(errorOf(() => ContainerVolume.fromVolumeName(newStack(), 'Legacy', '/srv/data'))).toMatch(/^stack\/Legacy: volumeName: is not a Docker volume name/);
  });
});
