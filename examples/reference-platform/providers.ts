import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { KubernetesProvider } from '@cdktf/provider-kubernetes/lib/provider';
import { VsphereProvider } from '@cdktf/provider-vsphere/lib/provider';
import { TerraformVariable } from 'cdktf';
import { Construct } from 'constructs';

// Providers configured only from Terraform variables (credentials are `sensitive`), so no secret is
// ever written into cdk.tf.json. The other examples reuse these functions.

/** The vSphere provider: `vsphere_server`, and the sensitive `vsphere_user` / `vsphere_password`. */
export function vsphereProvider(scope: Construct): VsphereProvider {
  const variable = (name: string, description: string, sensitive: boolean) => new TerraformVariable(scope, name, { type: 'string', description, sensitive }).stringValue;
  return new VsphereProvider(scope, 'vsphere', {
    vsphereServer: variable('vsphere_server', 'vCenter host name, e.g. vcenter.corp.example', false),
    user: variable('vsphere_user', 'vCenter account used by Terraform', true),
    password: variable('vsphere_password', 'Password of vsphere_user', true),
    allowUnverifiedSsl: false,
  });
}

/** The Kubernetes provider: `kubeconfig_path` (default ~/.kube/config) and `kube_context`. */
export function kubernetesProvider(scope: Construct): KubernetesProvider {
  const kubeconfig = new TerraformVariable(scope, 'kubeconfig_path', {
    type: 'string',
    description: 'Path of the kubeconfig file for the target cluster',
    default: '~/.kube/config',
  });
  const kubeContext = new TerraformVariable(scope, 'kube_context', {
    type: 'string',
    description: 'kubeconfig context to use',
  });
  return new KubernetesProvider(scope, 'kubernetes', {
    configPath: kubeconfig.stringValue,
    configContext: kubeContext.stringValue,
  });
}

/** The Docker provider: `docker_host`, a unix:// socket or ssh:// address (never plain tcp://). */
export function dockerProvider(scope: Construct): DockerProvider {
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
  return new DockerProvider(scope, 'docker', { host: dockerHost.stringValue });
}

/** The providers of the three tiers. */
export function configureProviders(scope: Construct): void {
  vsphereProvider(scope);
  kubernetesProvider(scope);
  dockerProvider(scope);
}
