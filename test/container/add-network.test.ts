import { Container } from '@cdktf/provider-docker/lib/container';
import { Testing } from 'cdktf';
import { ContainerNetwork, HardenedContainer } from '../../lib';
import { fixture } from './fixtures';

describe('HardenedContainer.addNetwork', () => {
  test('a container without networks leaves network_mode "none" when a network is added', () => {
    const fx = fixture();
    const web = new HardenedContainer(fx.stack, 'Web', { image: fx.image, spec: fx.spec });
    expect(Testing.synth(fx.stack)).toHaveResourceWithProperties(Container, { network_mode: 'none' });
    const back = new ContainerNetwork(fx.stack, 'Back', { networkName: 'back', internal: true });
    web.addNetwork(back);
    const container = Object.values<any>(JSON.parse(Testing.synth(fx.stack)).resource.docker_container)[0];
    expect(container.network_mode).toBeUndefined();
    expect(container.networks_advanced).toEqual([{ name: expect.stringMatching(/^\$\{docker_network\.Back_[0-9A-F]{8}\.id\}$/) }]);
    expect(web.networks).toEqual([back]);
  });

  test('networks given at construction come first, added ones after', () => {
    const fx = fixture();
    const web = new HardenedContainer(fx.stack, 'Web', { image: fx.image, spec: fx.spec, networks: [fx.network] });
    web.addNetwork(new ContainerNetwork(fx.stack, 'Back', { internal: true }));
    const container = Object.values<any>(JSON.parse(Testing.synth(fx.stack)).resource.docker_container)[0];
    expect(container.networks_advanced.map((n: any) => n.name.replace(/_[0-9A-F]{8}/, ''))).toEqual(['${docker_network.Front.id}', '${docker_network.Back.id}']);
  });

  test('fails on a network attached twice and on a built-in network', () => {
    const fx = fixture();
    const web = new HardenedContainer(fx.stack, 'Web', { image: fx.image, spec: fx.spec, networks: [fx.network] });
    expect(() => web.addNetwork(fx.network)).toThrow(/stack\/Web: network: is listed twice/);
    expect(() => web.addNetwork(ContainerNetwork.fromNetworkName(fx.stack, 'X', 'some-net'))).not.toThrow();
    expect(() => web.addNetwork({ networkName: 'bridge', internal: false })).toThrow(/network: is a built-in Docker network \(DOCKER-NO-DEFAULT-BRIDGE/);
  });
});
