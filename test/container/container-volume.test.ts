import { Volume } from '@cdktf/provider-docker/lib/volume';
import { Testing } from 'cdktf';
import { Node } from 'constructs';
import { ContainerVolume, RemovalPolicy } from '../../lib';
import { annotations, errorOf, newStack } from './fixtures';

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
