// The reference platform: one stack with a Kubernetes, a Docker and a vSphere tier.
// Run with `npm run synth` (cdktf.json points here); the output lands in cdktf.out/.
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { addKubernetesTier } from './kubernetes-tier';
import { configureProviders } from './providers';

export class ReferencePlatformStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    configureProviders(this);
    addKubernetesTier(this);
  }
}

const app = new App();
new ReferencePlatformStack(app, 'reference-platform');
app.synth();
