import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { VsphereProvider } from '@cdktf/provider-vsphere/lib/provider';
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';

/**
 * Providers for the three tiers, configured only from Terraform variables (credentials are
 * `sensitive`), so no secret is ever written into cdk.tf.json.
 */
export function configureProviders(scope: Construct): void {
  const vsphereServer = new TerraformVariable(scope, 'vsphere_server', {
    type: 'string',
    description: 'vCenter host name, e.g. vcenter.corp.example',
  });
  const vsphereUser = new TerraformVariable(scope, 'vsphere_user', {
    type: 'string',
    description: 'vCenter account used by Terraform',
    sensitive: true,
  });
  const vspherePassword = new TerraformVariable(scope, 'vsphere_password', {
    type: 'string',
    description: 'Password of vsphere_user',
    sensitive: true,
  });
  new VsphereProvider(scope, 'vsphere', {
    vsphereServer: vsphereServer.stringValue,
    user: vsphereUser.stringValue,
    password: vspherePassword.stringValue,
    allowUnverifiedSsl: false,
  });

  const kubeconfig = new TerraformVariable(scope, 'kubeconfig_path', {
    type: 'string',
    description: 'Path of the kubeconfig file for the target cluster',
    default: '~/.kube/config',
  });
  const kubeContext = new TerraformVariable(scope, 'kube_context', {
    type: 'string',
    description: 'kubeconfig context to use',
  });
  new KubernetesProvider(scope, 'kubernetes', {
    configPath: kubeconfig.stringValue,
    configContext: kubeContext.stringValue,
  });

  const dockerHost = new TerraformVariable(scope, 'docker_host', {
    type: 'string',
    description: 'Docker daemon address: a unix:// socket or ssh://user@host (never plain tcp://)',
    default: 'unix:///var/run/docker.sock',
    // DOCKER-DAEMON-TLS can only say UNKNOWN for a variable at synth; this makes `terraform plan` enforce it.
    validation: [{
      condition: '${can(regex("^(unix|ssh)://", var.docker_host))}',
      errorMessage: 'docker_host must be a unix:// socket or an ssh:// address: plain tcp:// hands root on the Docker host to the network (CIS Docker 2.7).',
    }],
  });
  new DockerProvider(scope, 'docker', { host: dockerHost.stringValue });
}
