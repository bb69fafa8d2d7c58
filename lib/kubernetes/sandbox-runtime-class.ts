import { RuntimeClassV1 } from '@cdktf/provider-kubernetes/lib/runtime-class-v1';
import { Construct } from 'constructs';
import { invalid } from '../core/private/errors';
import { checkDnsLabel, checkDnsSubdomain } from '../core/private/validation';
import { MANAGED_BY_LABELS } from './private/labels';
import { checkArgs, checkConstruct } from '../core/private/shapes';
import { k8s } from './private/providers';

/** A sandboxed container runtime. The value is the CRI handler name the nodes are configured with. */
export enum SandboxRuntime {
  /** gVisor: a user-space kernel intercepts every system call (handler `runsc`). */
  GVISOR = 'runsc',
  /** Kata Containers: each pod runs in a lightweight virtual machine (handler `kata`). */
  KATA = 'kata',
}

/** A RuntimeClass that workloads can run under (`spec.template.spec.runtime_class_name`). */
export interface IRuntimeClass {
  /** The RuntimeClass name. */
  readonly runtimeClassName: string;
}

/** Props of a `SandboxRuntimeClass`. */
export interface SandboxRuntimeClassProps {
  /**
   * Which sandbox.
   * @default SandboxRuntime.GVISOR
   */
  readonly runtime?: SandboxRuntime;
  /**
   * CRI handler name, when the nodes use a different one than the runtime's usual name
   * (e.g. `kata-qemu`, `kata-fc`).
   * @default - the `runtime` value (`runsc` or `kata`)
   */
  readonly handler?: string;
  /**
   * RuntimeClass name (cluster-wide, so create it once per cluster).
   * @default - `gvisor` or `kata`
   */
  readonly runtimeClassName?: string;
}

/**
 * A cluster-wide RuntimeClass for a sandboxed runtime (gVisor or Kata Containers), for
 * untrusted code that should stay on Kubernetes but get hypervisor-grade or syscall-level
 * isolation from the node kernel (K8S-RUNTIMECLASS).
 *
 * Pass it as `sandbox` to a workload. The nodes must have the handler installed; this
 * construct only declares the class.
 *
 * @see https://kubernetes.io/docs/concepts/containers/runtime-class/
 */
export class SandboxRuntimeClass extends Construct implements IRuntimeClass {
  /** A RuntimeClass that already exists in the cluster. */
  public static fromRuntimeClassName(runtimeClassName: string): IRuntimeClass {
    checkArgs('SandboxRuntimeClass.fromRuntimeClassName', 'SandboxRuntimeClass.fromRuntimeClassName', [runtimeClassName]);
    checkDnsSubdomain('SandboxRuntimeClass.fromRuntimeClassName', 'runtimeClassName', runtimeClassName);
    return { runtimeClassName };
  }

  /** Escape hatch: the `kubernetes_runtime_class_v1`. */
  public readonly resource: RuntimeClassV1;
  /** The RuntimeClass name (a reference to the resource). */
  public readonly runtimeClassName: string;
  /** The sandbox. */
  public readonly runtime: SandboxRuntime;
  /** The CRI handler. */
  public readonly handler: string;

  constructor(scope: Construct, id: string, props: SandboxRuntimeClassProps = {}) {
    checkConstruct(scope, id, 'SandboxRuntimeClass', [props]);
    super(scope, id);
    const runtime = props.runtime ?? SandboxRuntime.GVISOR;
    const handler = props.handler ?? runtime;
    const name = props.runtimeClassName ?? (runtime === SandboxRuntime.GVISOR ? 'gvisor' : 'kata');
    checkDnsLabel(this, 'handler', handler);
    checkDnsSubdomain(this, 'runtimeClassName', name);
    if (!Object.values(SandboxRuntime).includes(runtime)) {
      throw invalid(this, 'runtime', 'is not a known sandbox', runtime, 'Use SandboxRuntime.GVISOR or SandboxRuntime.KATA.');
    }
    this.runtime = runtime;
    this.handler = handler;
    this.resource = new k8s.RuntimeClassV1(this, 'Resource', {
      metadata: { name, labels: { ...MANAGED_BY_LABELS } },
      handler,
    });
    this.runtimeClassName = this.resource.metadata.name;
  }
}
