// Engines app: a container whose image fails its scan gate (the image runs as root). The suite
// proves that the apply fails and that the container is never created.
import { Cpu, DockerHealthCheckTool, HardenedContainer, HealthProbe, Size } from '../../../lib';
import { EngineStack, run } from './common';

run((app) => {
  const stack = new EngineStack(app, 'scan-gate');
  const { image, gate } = stack.gatedImage('Rooty', 'rooty');
  new HardenedContainer(stack, 'Rooty', {
    spec: {
      name: 'engines-rooty',
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
  });
});
