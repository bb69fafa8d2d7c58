// The reference platform app: one stack built on HybridArchitecture (see platform.ts).
// Run with `npm run synth` (cdktf.json points here): cdk.tf.json, the policy reports and
// review.md / review.json land in cdktf.out/stacks/reference-platform/.
import { App } from 'cdktf';
import { ReferencePlatformStack } from './platform';

const app = new App();
new ReferencePlatformStack(app, 'reference-platform');
app.synth();
