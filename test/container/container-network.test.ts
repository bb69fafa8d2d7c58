import { Network } from '@cdktf/provider-docker/lib/network';
import { Testing, Token } from 'cdktf';
import { Node } from 'constructs';
import { ContainerNetwork } from '../../lib';
import { annotations, errorOf, newStack } from './fixtures';

describe('ContainerNetwork', () => {
  test('snapshot of the default configuration', () => {
    const stack = newStack();
    new ContainerNetwork(stack, 'Front');
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('DOCKER-NET-ICC: user-defined bridge with inter-container communication off', () => {
    const stack = newStack();
    const network = new ContainerNetwork(stack, 'Front');
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Network, {
      driver: 'bridge', internal: false, attachable: false, options: { 'com.docker.network.bridge.enable_icc': 'false' },
    });
    expect([network.internal, network.interContainerCommunication]).toEqual([false, false]);
    expect(Node.of(network).defaultChild).toBe(network.resource);
    expect(Token.isUnresolved(network.networkName)).toBe(true);
  });

  test('a deterministic DNS-label name, or the given one', () => {
    const stack = newStack();
    new ContainerNetwork(stack, 'Front');
    new ContainerNetwork(stack, 'Back', { networkName: 'lab-back' });
    const names = Object.values<any>(JSON.parse(Testing.synth(stack)).resource.docker_network).map((n) => n.name);
    expect(names.sort()).toEqual([expect.stringMatching(/^front-[0-9a-f]{8}$/), 'lab-back']);
  });

  test('internal back-end network', () => {
    const stack = newStack();
    new ContainerNetwork(stack, 'Back', { internal: true });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Network, { internal: true });
  });

  test('opt-out: interContainerCommunication with a DOCKER-NET-ICC warning', () => {
    const stack = newStack();
    const network = new ContainerNetwork(stack, 'Back', { interContainerCommunication: true });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Network, { options: { 'com.docker.network.bridge.enable_icc': 'true' } });
    expect(annotations(network)).toContainEqual({ level: '@cdktf/warn', message: expect.stringContaining('DOCKER-NET-ICC') });
  });

  test('fails on a name that is not a DNS label', () => {
    expect(errorOf(() => new ContainerNetwork(newStack(), 'Front', { networkName: 'Front_Net' }))).toMatch(/^stack\/Front: networkName: is not a DNS-1123 label/);
  });
});
