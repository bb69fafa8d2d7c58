// Engines app: two hardened containers on one network with inter-container communication off
// (CIS Docker 2.1 / DOCKER-NET-ICC). The suite proves from inside the first that the second cannot
// be reached, while both stay healthy.
import { ContainerNetwork, Cpu, DockerHealthCheckTool, HardenedContainer, HealthProbe, Size } from '../../../lib';
import { EngineStack, run } from './common';

run((app) => {
  const stack = new EngineStack(app, 'isolation');
  const { image, gate } = stack.gatedImage('Web', 'web');
  const net = new ContainerNetwork(stack, 'Isolated', { networkName: 'engines-iso' });
  for (const name of ['engines-iso-a', 'engines-iso-b']) {
    new HardenedContainer(stack, name, {
      spec: {
        name,
        image: image.imageReference,
        ports: [{ name: 'http', containerPort: 8080 }],
        resources: { cpuLimit: Cpu.millicores(250), memoryLimit: Size.mebibytes(64) },
        healthProbe: HealthProbe.http({ path: '/healthz', port: 8080 }),
        user: 65532,
        group: 65532,
      },
      image,
      healthCheckTool: DockerHealthCheckTool.WGET, // the engines' images are BusyBox
      scanGate: gate,
      networks: [net],
    });
  }
});
