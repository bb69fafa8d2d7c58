// Engines app: a Docker volume, protected from destroy by default (RemovalPolicy.RETAIN). With the
// context flag `engines:optOut` it uses the documented opt-out, RemovalPolicy.DESTROY.
import { ContainerVolume, RemovalPolicy } from '../../../lib';
import { EngineStack, run } from './common';

run((app) => {
  const stack = new EngineStack(app, 'data-safety');
  const optOut = stack.node.tryGetContext('engines:optOut') === true;
  new ContainerVolume(stack, 'Data', {
    volumeName: 'engines-data',
    removalPolicy: optOut ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
  });
});
