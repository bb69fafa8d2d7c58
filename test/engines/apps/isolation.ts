// Engines app: two hardened containers on one network with inter-container communication off
// (CIS Docker 2.1 / DOCKER-NET-ICC). The suite proves from inside the first that the second cannot
// be reached, while both stay healthy.
import { ContainerNetwork } from '../../../lib';
import { EngineStack, run } from './common';

run((app) => {
  const stack = new EngineStack(app, 'isolation');
  const net = new ContainerNetwork(stack, 'Isolated', { networkName: 'engines-iso' });
  for (const name of ['engines-iso-a', 'engines-iso-b']) stack.webContainer(name, 'web', [net]);
});
