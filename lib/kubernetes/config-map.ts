import { ConfigMapV1 } from '@cdktf/provider-kubernetes/lib/config-map-v1';
import { Construct } from 'constructs';
import { invalid } from '../core/private/errors';
import { checkDnsSubdomain, isUnresolved } from '../core/private/validation';
import { IKubernetesNamespace } from './hardened-namespace';
import { checkLabels, MANAGED_BY_LABELS } from './private/labels';
import { checkConstruct } from '../core/private/shapes';
import { k8s } from './private/providers';

/** A ConfigMap that workloads can mount as read-only files (`FileMount.configMap`). */
export interface IConfigMap {
  /** Name of the ConfigMap. */
  readonly configMapName: string;
  /** Namespace of the ConfigMap. */
  readonly namespaceName: string;
}

/** Props of `ConfigMap`. */
export interface ConfigMapProps {
  /** The namespace, usually a `HardenedNamespace`; workloads mount only ConfigMaps of their own namespace. */
  readonly namespace: IKubernetesNamespace;
  /**
   * Files by key: the key is the file name in the mounted directory, the value its text. Never
   * put secrets here (use a Secret and `FileMount.secretName`): ConfigMaps are not encrypted at rest
   * and readable with `get configmaps`.
   */
  readonly data: { [key: string]: string };
  /**
   * Name of the ConfigMap (a DNS-1123 subdomain).
   * @default - the construct id in lower case
   */
  readonly configMapName?: string;
  /**
   * Make the ConfigMap immutable: the kubelet stops watching it, and a change replaces it.
   * @default false
   */
  readonly immutable?: boolean;
  /**
   * Extra labels.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
}

const KEY = /^[-._a-zA-Z0-9]+$/;
/** The API server rejects ConfigMaps above 1 MiB. */
const MAX_BYTES = 1024 * 1024;

/**
 * Configuration files for workloads (`kubernetes_config_map_v1`), mounted read-only with a
 * workload's `files` (a `configMap` volume, allowed under Pod Security "restricted").
 *
 * @see https://kubernetes.io/docs/concepts/configuration/configmap/
 */
export class ConfigMap extends Construct implements IConfigMap {
  /** Escape hatch: the `kubernetes_config_map_v1`. */
  public readonly resource: ConfigMapV1;
  /** Name of the ConfigMap. */
  public readonly configMapName: string;
  /** Namespace of the ConfigMap. */
  public readonly namespaceName: string;

  constructor(scope: Construct, id: string, props: ConfigMapProps) {
    checkConstruct(scope, id, 'ConfigMap', [props]);
    super(scope, id);
    if (!props || !props.namespace || typeof props.namespace.namespaceName !== 'string') {
      throw invalid(this, 'namespace', 'is required', props?.namespace, 'Pass the HardenedNamespace the workloads run in.');
    }
    const name = props.configMapName ?? id.toLowerCase();
    checkDnsSubdomain(this, props.configMapName === undefined ? 'id' : 'configMapName', name);
    if (typeof props.data !== 'object' || props.data === null || Object.keys(props.data).length === 0) {
      throw invalid(this, 'data', 'must hold at least one file', props.data, 'Pass e.g. { "app.yaml": "level: info\\n" }.');
    }
    let bytes = 0;
    for (const [key, value] of Object.entries(props.data)) {
      if (!KEY.test(key) || key.length > 253 || key === '.' || key === '..') {
        throw invalid(this, 'data', 'has a key that is not a valid file name', key, 'Keys are letters, digits, "-", "_" and "." (at most 253), e.g. "app.yaml".');
      }
      if (typeof value !== 'string') throw invalid(this, `data["${key}"]`, 'must be a string', value, 'Pass the file content as text.');
      if (!isUnresolved(value)) bytes += Buffer.byteLength(value, 'utf8') + key.length;
    }
    if (bytes > MAX_BYTES) {
      throw invalid(this, 'data', 'is larger than 1 MiB, which the API server rejects', `${bytes} bytes`, 'Split the files over several ConfigMaps, or ship them in the image.');
    }
    checkLabels(this, 'labels', props.labels);
    this.configMapName = name;
    this.namespaceName = props.namespace.namespaceName;
    this.resource = new k8s.ConfigMapV1(this, 'Resource', {
      metadata: { name, namespace: this.namespaceName, labels: { ...(props.labels ?? {}), ...MANAGED_BY_LABELS } },
      data: { ...props.data },
      immutable: props.immutable ?? false,
    });
  }
}

/**
 * A ConfigMap or a Secret mounted into a container as read-only files: one file per key in
 * `mountPath`. Both volume types are allowed under Pod Security "restricted" (K8S-VOLUME-TYPES),
 * so secrets can be files instead of environment variables. Give exactly one of `configMap` and `secretName`.
 */
export interface FileMount {
  /** Absolute directory in the container; it is read-only and holds one file per key. */
  readonly mountPath: string;
  /**
   * The ConfigMap to mount (in the workload's namespace). Files are world-readable (mode 0444).
   * @default - a Secret (`secretName`)
   */
  readonly configMap?: IConfigMap;
  /**
   * Name of an existing Secret in the workload's namespace. Files get mode 0440: readable by the
   * owner and by the pod's `fsGroup`, which the containers run with.
   * @default - a ConfigMap (`configMap`)
   */
  readonly secretName?: string;
  /**
   * The container to mount into: the main container, a sidecar or an init container, by name.
   * @default - the main container (`spec.name`)
   */
  readonly containerName?: string;
}
