// The reference platform: one stack with a Kubernetes, a Docker and a vSphere tier.
// Run with `npm run synth` (cdktf.json points here); the output lands in cdktf.out/.
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { addDockerTier } from './docker-tier';
import { PolicyChecks } from '../../lib';
import { configureProviders } from './providers';
import { addVsphereTier } from './vsphere-tier';

export class ReferencePlatformStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    configureProviders(this);
    addDockerTier(this);
    addVsphereTier(this);
    PolicyChecks.applyTo(this);
  }
}

const app = new App();
new ReferencePlatformStack(app, 'reference-platform');
app.synth();
