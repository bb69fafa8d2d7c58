import { Network } from '@cdktf/provider-docker/lib/network';
import { Testing, Token } from 'cdktf';
import { Node } from 'constructs';
import { ContainerNetwork, HardenedContainer } from '../../lib';
import { annotations, errorOf, fixture, newStack } from './fixtures';

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

describe('ContainerNetwork.fromNetworkName', () => {
  test('attaches a container to an existing user-defined network by name', () => {
    const fx = fixture();
    const shared = ContainerNetwork.fromNetworkName(fx.stack, 'Shared', 'lab-shared');
    new HardenedContainer(fx.stack, 'Web', { image: fx.image, spec: fx.spec, networks: [shared] });
    expect(Object.values<any>(JSON.parse(Testing.synth(fx.stack)).resource.docker_container)[0].networks_advanced).toEqual([{ name: 'lab-shared' }]);
    expect(shared.internal).toBe(false);
  });

  test.each(['bridge', 'host', 'none', 'default'])('fails on the built-in network %s', (name) => {
    expect(errorOf(() => ContainerNetwork.fromNetworkName(newStack(), 'Shared', name))).toMatch(/^stack\/Shared: networkName: is a built-in Docker network/);
  });
});
