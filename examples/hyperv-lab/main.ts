// A Hyper-V lab: a private switch for the back end and an external switch on a VLAN for the front end,
// a Windows domain controller and a Linux web server, each a hardened generation 2 VM with Secure Boot.
// Run with `npx ts-node --swc --prefer-ts-exts examples/hyperv-lab/main.ts` (CHECKPOINT_DISABLE=1).
// The Hyper-V host and its WinRM account come from Terraform variables; the password is sensitive.
import { App, TerraformStack, TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';
import {
  GuestOsFamily, HypervNetworkSwitch, HypervProvider, HypervSecureVm, HypervSwitchType, PolicyChecks,
} from '../../lib';

export class HypervLabStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const host = new TerraformVariable(this, 'hyperv_host', { type: 'string', description: 'Hyper-V host name (WinRM over HTTPS, port 5986)' });
    const user = new TerraformVariable(this, 'hyperv_user', { type: 'string', sensitive: true, description: 'WinRM account on the Hyper-V host' });
    const password = new TerraformVariable(this, 'hyperv_password', { type: 'string', sensitive: true, description: 'WinRM password' });
    new HypervProvider(this, 'hyperv', {
      host: host.stringValue, user: user.stringValue, password: password.stringValue, https: true, insecure: false, port: 5986, timeout: '60s',
    });

    // Back end: VM-to-VM only. Front end: the physical network, with the host's management OS kept off it.
    const backend = new HypervNetworkSwitch(this, 'Backend', { switchName: 'lab-backend' });
    const frontend = new HypervNetworkSwitch(this, 'Frontend', {
      switchName: 'lab-frontend', switchType: HypervSwitchType.EXTERNAL, netAdapterNames: ['Ethernet 2'],
    });

    new HypervSecureVm(this, 'DomainController', {
      spec: {
        name: 'lab-dc01', cpus: 2, memoryMiB: 4096, guestOsFamily: GuestOsFamily.WINDOWS,
        disks: [{ label: 'os', sizeGiB: 60 }, { label: 'ntds', sizeGiB: 20, thinProvisioned: false }],
        networks: [{ networkId: backend.switchName }],
      },
      storagePath: 'D:\\Hyper-V',
      bootDiskSource: 'D:\\Golden\\windows-server-2022.vhdx',
    });

    new HypervSecureVm(this, 'Web', {
      spec: {
        name: 'lab-web01', cpus: 2, memoryMiB: 2048,
        disks: [{ label: 'os', sizeGiB: 30 }],
        networks: [{ networkId: frontend.switchName }, { networkId: backend.switchName }],
      },
      storagePath: 'D:\\Hyper-V',
      bootDiskSource: 'https://images.example.com/ubuntu-24.04-server-cloudimg-amd64.vhdx',
      vlanId: 120,
    });

    PolicyChecks.applyTo(this);
  }
}

const app = new App();
new HypervLabStack(app, 'hyperv-lab');
app.synth();
