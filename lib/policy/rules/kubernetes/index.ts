// The Kubernetes rule pack: one rule per control of security-baseline.md section 1 that is
// decidable from resource attributes, plus PT-K8S-GPU from section 5, plus the RBAC, secret and PSP
// rules that close the gaps Checkov's own Kubernetes suite showed. The one control no
// attribute can decide (K8S-PID-LIMIT) is listed in KUBERNETES_NOT_DECIDABLE.
import { IPolicyRule } from '../../rule';
import { appArmor } from './apparmor';
import { capsBaseline } from './caps-baseline';
import { capsDropAll } from './caps-drop-all';
import { dedicatedServiceAccount } from './dedicated-service-account';
import { gpuDevicePlugin } from './gpu-device-plugin';
import { hostNamespaces } from './host-namespaces';
import { imageDigest } from './image-digest';
import { limitRange } from './limit-range';
import { mountPropagation } from './mount-propagation';
import { namespaceDedicated } from './namespace-dedicated';
import { networkPolicyDefaultDeny } from './network-policy-default-deny';
import { noPodSecurityPolicy } from './no-pod-security-policy';
import { noHostPath } from './no-host-path';
import { noHostPort } from './no-host-port';
import { noPrivilegeEscalation } from './no-privilege-escalation';
import { noPrivileged } from './no-privileged';
import { noSharedProcessNamespace } from './no-shared-process-namespace';
import { nonRootGroup } from './nonroot-group';
import { probeHost } from './probe-host';
import { procMount } from './proc-mount';
import { psaLabels } from './psa-labels';
import { rbacDefaultServiceAccount } from './rbac-default-service-account';
import { rbacNoWildcard } from './rbac-no-wildcard';
import { readOnlyRootFilesystem } from './read-only-root-filesystem';
import { resourceQuota } from './resource-quota';
import { resources } from './resources';
import { runAsNonRoot } from './run-as-non-root';
import { runAsUserNonZero } from './run-as-user-nonzero';
import { runtimeClass } from './runtime-class';
import { seccomp } from './seccomp';
import { secretsAsFiles } from './secrets-as-files';
import { seLinux } from './selinux';
import { serviceAccountToken } from './service-account-token';
import { sysctls } from './sysctls';
import { volumeTypes } from './volume-types';
import { windowsHostProcess } from './windows-host-process';
import { writableScratch } from './writable-scratch';

export {
  appArmor, capsBaseline, capsDropAll, dedicatedServiceAccount, gpuDevicePlugin, hostNamespaces, imageDigest,
  limitRange, mountPropagation, namespaceDedicated, networkPolicyDefaultDeny, noHostPath, noHostPort,
  noPodSecurityPolicy, noPrivilegeEscalation, noPrivileged, noSharedProcessNamespace, nonRootGroup, probeHost, procMount,
  psaLabels, rbacDefaultServiceAccount, rbacNoWildcard, readOnlyRootFilesystem, resourceQuota, resources, runAsNonRoot,
  runAsUserNonZero, runtimeClass, seccomp, secretsAsFiles, seLinux, serviceAccountToken, sysctls, volumeTypes,
  windowsHostProcess, writableScratch,
};

/** The Kubernetes rules, in the order of security-baseline.md. */
export const KUBERNETES_RULES: IPolicyRule[] = [
  hostNamespaces,
  noPrivileged,
  capsBaseline,
  noHostPath,
  noHostPort,
  appArmor,
  seLinux,
  procMount,
  sysctls,
  windowsHostProcess,
  probeHost,
  volumeTypes,
  noPrivilegeEscalation,
  runAsNonRoot,
  runAsUserNonZero,
  nonRootGroup,
  capsDropAll,
  seccomp,
  readOnlyRootFilesystem,
  writableScratch,
  resources,
  serviceAccountToken,
  dedicatedServiceAccount,
  noSharedProcessNamespace,
  mountPropagation,
  imageDigest,
  runtimeClass,
  namespaceDedicated,
  psaLabels,
  networkPolicyDefaultDeny,
  resourceQuota,
  limitRange,
  gpuDevicePlugin,
  // beyond the baseline's section 1: gaps shown by Checkov's own Kubernetes suite (CIS 5.1.3, 5.1.5, 5.4.1, PSP removal)
  rbacNoWildcard,
  rbacDefaultServiceAccount,
  secretsAsFiles,
  noPodSecurityPolicy,
];

export { KUBERNETES_NOT_DECIDABLE } from './not-decidable';
