// A VirtualBox developer lab: two Linux VMs on a host-only network (and the internal network between
// them), cloned from an https Vagrant box. VirtualBox cannot give Secure Boot, a TPM, VLANs or traffic
// guards: the policy engine reports each as VBOX-NOT-ENFORCEABLE, and this lab accepts them with a
// written reason, so they stay visible (suppressed, with the reason) in policy-report.md.
// Run with `npx ts-node --swc --prefer-ts-exts examples/virtualbox-lab/main.ts` (CHECKPOINT_DISABLE=1).
import { App, TerraformStack } from 'cdktf';
import { Construct } from 'constructs';
import { Policy, PolicyChecks, RemovalPolicy, VirtualBoxNetworkType, VirtualBoxProvider, VirtualBoxVm } from '../../lib';

export class VirtualBoxLabStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    new VirtualBoxProvider(this, 'virtualbox', { delay: 60, mintimeout: 5 });

    for (const [name, memoryMiB] of [['lab-app', 2048], ['lab-db', 4096]] as const) {
      const vm = new VirtualBoxVm(this, name, {
        spec: {
          name, cpus: 2, memoryMiB,
          networks: [{ networkId: 'vboxnet1' }, { networkId: 'lab-internal' }],
        },
        image: 'https://boxes.example.com/debian-12-amd64.box',
        networkTypes: [VirtualBoxNetworkType.HOST_ONLY, VirtualBoxNetworkType.INTERNAL],
        // a throw-away lab: the VMs hold no data worth keeping
        removalPolicy: RemovalPolicy.DESTROY,
      });
      Policy.suppress(vm, 'VBOX-NOT-ENFORCEABLE', 'Developer lab on a workstation: test data only, never production workloads or secrets');
    }

    PolicyChecks.applyTo(this);
  }
}

const app = new App();
new VirtualBoxLabStack(app, 'virtualbox-lab');
app.synth();
