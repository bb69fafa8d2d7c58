import { DaemonSetV1, DaemonSetV1SpecTemplate } from '@cdktf/provider-kubernetes/lib/daemon-set-v1';
import { Annotations } from 'cdktf';
import { Construct } from 'constructs';
import { invalid } from '../core/private/errors';
import { checkIntegerRange } from '../core/private/validation';
import { HardenedWorkload, HardenedWorkloadProps } from './hardened-workload';
import { checkLabels, MANAGED_BY_LABELS } from './private/labels';
import { renderPodTemplate } from './private/pod-template';
import { warnIfNoHealthProbe } from './private/scaling';
import { checkConstruct } from '../core/private/shapes';
import { k8s } from './private/providers';

/** The taint kubeadm and most distributions put on control-plane nodes. */
const CONTROL_PLANE_TAINT = 'node-role.kubernetes.io/control-plane';

/** A toleration of a node taint. */
export interface NodeToleration {
  /** Taint key, e.g. `dedicated`. */
  readonly key: string;
  /**
   * Taint value to match (`Equal`); without it any value matches (`Exists`).
   * @default - any value
   */
  readonly value?: string;
  /**
   * Taint effect: `NoSchedule`, `PreferNoSchedule` or `NoExecute`.
   * @default - every effect
   */
  readonly effect?: string;
}

/** Props of a `HardenedDaemonSet`. */
export interface HardenedDaemonSetProps extends HardenedWorkloadProps {
  /**
   * Run only on nodes with these labels.
   * @default - every schedulable node without a taint
   */
  readonly nodeSelector?: { [key: string]: string };
  /**
   * Tolerate node taints, e.g. of dedicated node pools. Every toleration names a key: a
   * toleration of everything would also put the pods on control-plane and draining nodes.
   * @default - none
   */
  readonly tolerations?: NodeToleration[];
  /**
   * Also run on control-plane nodes (tolerates `node-role.kubernetes.io/control-plane:NoSchedule`).
   * @default false
   */
  readonly tolerateControlPlane?: boolean;
  /**
   * Nodes whose pod may be unavailable at once during a rolling update (1-100): a bad image then
   * stops at this many nodes instead of taking the agent off every node.
   * @default 1
   */
  readonly maxUnavailable?: number;
  /**
   * Seconds a new pod must be ready before the rollout moves to the next node (0-3600).
   * @default 10
   */
  readonly minReadySeconds?: number;
}

/**
 * One pod per node (`kubernetes_daemon_set_v1`), e.g. a metrics or log agent that reads only
 * what it is sent, whose pods meet Pod Security "restricted".
 *
 * Node-level cautions: the pods get no host access (no hostPath, host network, host PID or host
 * ports: an agent that needs them is a privileged component and does not fit this construct);
 * requests are reserved on every node, so keep them small; the rolling update replaces one
 * node's pod at a time and waits `minReadySeconds`; no taints are tolerated unless named, so the
 * pods stay off control-plane nodes by default. Also creates the dedicated ServiceAccount, the
 * NetworkPolicy and, when needed, the env Secret and Service.
 *
 * @see https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/
 */
export class HardenedDaemonSet extends HardenedWorkload {
  /** Escape hatch: the `kubernetes_daemon_set_v1`. */
  public readonly resource: DaemonSetV1;
  /** Nodes whose pod may be unavailable at once during a rollout. */
  public readonly maxUnavailable: number;

  constructor(scope: Construct, id: string, props: HardenedDaemonSetProps) {
    checkConstruct(scope, id, 'HardenedDaemonSet', [props]);
    super(scope, id, props);
    this.maxUnavailable = props.maxUnavailable ?? 1;
    const labels = { ...MANAGED_BY_LABELS, ...this.selectorLabels };
    const tolerations = (props.tolerations ?? []).map((t) => ({ key: t.key, operator: t.value === undefined ? 'Exists' : 'Equal', value: t.value, effect: t.effect }));
    if (props.tolerateControlPlane === true) {
      tolerations.push({ key: CONTROL_PLANE_TAINT, operator: 'Exists', value: undefined, effect: 'NoSchedule' });
      Annotations.of(this).addWarning('tolerateControlPlane is true: the pods also run on control-plane nodes, next to the API server and etcd; keep their requests small.');
    }
    const template = renderPodTemplate(this, {
      restartPolicy: 'Always',
      replicas: 1,
      spreadAcrossZones: false,
      nodeSelector: props.nodeSelector,
      tolerations,
    }) as unknown as DaemonSetV1SpecTemplate;
    this.resource = new k8s.DaemonSetV1(this, 'Resource', {
      metadata: { name: this.workloadName, namespace: this.namespaceName, labels },
      spec: {
        selector: { matchLabels: { ...this.selectorLabels } },
        revisionHistoryLimit: 5,
        minReadySeconds: props.minReadySeconds ?? 10,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: String(this.maxUnavailable) } },
        template,
      },
    });
    warnIfNoHealthProbe(this);
  }

  protected validateKindProps(props: HardenedWorkloadProps): void {
    const p = props as HardenedDaemonSetProps;
    checkLabels(this, 'nodeSelector', p.nodeSelector);
    checkIntegerRange(this, 'maxUnavailable', p.maxUnavailable ?? 1, 1, 100, 'Replace at most a few nodes\' pods at once, e.g. 1.');
    checkIntegerRange(this, 'minReadySeconds', p.minReadySeconds ?? 10, 0, 3600);
    (p.tolerations ?? []).forEach((t, i) => {
      if (typeof t?.key !== 'string' || t.key.length === 0) {
        throw invalid(this, `tolerations[${i}].key`, 'is required: a toleration without a key tolerates every taint, control plane and draining nodes included', t?.key,
          'Name the taint, e.g. { key: "dedicated", value: "monitoring" }; use tolerateControlPlane for control-plane nodes.');
      }
      checkLabels(this, `tolerations[${i}]`, { [t.key]: t.value ?? 'x' });
      if (t.effect !== undefined && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) {
        throw invalid(this, `tolerations[${i}].effect`, 'is not a taint effect', t.effect, 'Use "NoSchedule", "PreferNoSchedule" or "NoExecute", or leave it unset.');
      }
    });
  }
}
