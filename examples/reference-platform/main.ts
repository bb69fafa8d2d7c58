// The reference platform: one stack with a Kubernetes, a Docker and a vSphere tier.
// Run with `npm run synth` (cdktf.json points here); the output lands in cdktf.out/.
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { PolicyChecks } from '../../lib';
import { addDockerTier } from './docker-tier';
import { addKubernetesTier } from './kubernetes-tier';
import { configureProviders } from './providers';
import { addVsphereTier } from './vsphere-tier';

export class ReferencePlatformStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    configureProviders(this);
    addKubernetesTier(this);
    addDockerTier(this);
    addVsphereTier(this);
    // Every resource of the stack, raw L1s included, is checked at synth; reports land beside cdk.tf.json.
    PolicyChecks.applyTo(this);
  }
}

const app = new App();
new ReferencePlatformStack(app, 'reference-platform');
app.synth();
