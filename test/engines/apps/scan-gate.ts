// Engines app: a container whose image fails its scan gate (the image runs as root). The suite
// proves that the apply fails and that the container is never created.
import { EngineStack, run } from './common';

run((app) => {
  new EngineStack(app, 'scan-gate').webContainer('engines-rooty', 'rooty');
});
