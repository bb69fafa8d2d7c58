import { IngressV1, IngressV1SpecRule } from '@cdktf/provider-kubernetes/lib/ingress-v1';
import { Construct } from 'constructs';
import { invalid } from '../core/private/errors';
import { checkDnsLabel, checkDnsSubdomain, checkIntegerRange, isUnresolved } from '../core/private/validation';
import { IKubernetesNamespace } from './hardened-namespace';
import { HardenedWorkload } from './hardened-workload';
import { MANAGED_BY_LABELS } from './private/labels';
import { checkConstruct } from '../core/private/shapes';
import { k8s } from './private/providers';

/** How an Ingress path matches. */
export enum IngressPathType {
  /** The path and everything below it, by path segment. */
  PREFIX = 'Prefix',
  /** Exactly the path. */
  EXACT = 'Exact',
}

/** One host and path routed to a workload's Service. */
export interface IngressRoute {
  /** Host name, e.g. `shop.example.com` (`*.example.com` for a wildcard). It is also put in the TLS section. */
  readonly host: string;
  /**
   * Absolute path.
   * @default '/'
   */
  readonly path?: string;
  /**
   * How the path matches.
   * @default IngressPathType.PREFIX
   */
  readonly pathType?: IngressPathType;
  /** The workload that serves it (it needs a Service, so a declared port). */
  readonly backend: HardenedWorkload;
  /** A container port the backend declares. */
  readonly port: number;
}

/** Props of `HardenedIngress`. */
export interface HardenedIngressProps {
  /** The namespace of the Ingress and its backends. */
  readonly namespace: IKubernetesNamespace;
  /** The IngressClass that serves it, e.g. `nginx`; required, so no other controller picks it up. */
  readonly ingressClassName: string;
  /** Name of the `kubernetes.io/tls` Secret in the namespace with the certificate for every host (e.g. issued by cert-manager). */
  readonly tlsSecretName: string;
  /** The routes. */
  readonly routes: IngressRoute[];
  /**
   * Namespace of the ingress controller's pods: each backend then admits traffic from it on the
   * routed port (the NetworkPolicy side). Without it, call `backend.allowFromNamespace` yourself.
   * @default - no network policy change
   */
  readonly controllerNamespace?: string;
  /**
   * Name of the Ingress.
   * @default - the construct id in lower case
   */
  readonly ingressName?: string;
  /**
   * Annotations for the controller (e.g. `nginx.ingress.kubernetes.io/ssl-redirect`).
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}

/**
 * An Ingress (`kubernetes_ingress_v1`) that serves only TLS: every host is listed in the TLS
 * section with the given certificate Secret, the ingress class is explicit, and the backends'
 * network policies admit the controller's namespace on the routed ports. Keeps the workloads'
 * Services ClusterIP (no NodePort or LoadBalancer, K8S-SERVICE-EXPOSURE).
 *
 * @see https://kubernetes.io/docs/concepts/services-networking/ingress/
 */
export class HardenedIngress extends Construct {
  /** Escape hatch: the `kubernetes_ingress_v1`. */
  public readonly resource: IngressV1;
  /** Name of the Ingress. */
  public readonly ingressName: string;
  /** The hosts served (and covered by TLS). */
  public readonly hosts: string[];

  constructor(scope: Construct, id: string, props: HardenedIngressProps) {
    checkConstruct(scope, id, 'HardenedIngress', [props]);
    super(scope, id);
    if (!props || !props.namespace || typeof props.namespace.namespaceName !== 'string') {
      throw invalid(this, 'namespace', 'is required', props?.namespace, 'Pass the HardenedNamespace of the backends.');
    }
    const name = props.ingressName ?? id.toLowerCase();
    checkDnsSubdomain(this, props.ingressName === undefined ? 'id' : 'ingressName', name);
    checkDnsSubdomain(this, 'ingressClassName', props.ingressClassName);
    checkDnsSubdomain(this, 'tlsSecretName', props.tlsSecretName);
    if (props.controllerNamespace !== undefined) checkDnsLabel(this, 'controllerNamespace', props.controllerNamespace);
    if (!Array.isArray(props.routes) || props.routes.length === 0) {
      throw invalid(this, 'routes', 'must hold at least one route', props.routes, 'Pass e.g. [{ host: "shop.example.com", backend: web, port: 8080 }].');
    }
    const rules = new Map<string, IngressV1SpecRule & { http: { path: any[] } }>();
    const seen = new Set<string>();
    const allowed = new Set<string>();
    props.routes.forEach((r, i) => {
      const prop = `routes[${i}]`;
      const host = r.host;
      if (!isUnresolved(host) && (typeof host !== 'string' || !isHost(host))) {
        throw invalid(this, `${prop}.host`, 'is not a host name', host, 'Use a DNS name such as "shop.example.com" or "*.example.com" (no scheme, port or path).');
      }
      const path = r.path ?? '/';
      if (typeof path !== 'string' || !path.startsWith('/') || /\s/.test(path)) {
        throw invalid(this, `${prop}.path`, 'must be an absolute path without spaces', path, 'Use e.g. "/" or "/api".');
      }
      const pathType = r.pathType ?? IngressPathType.PREFIX;
      if (!Object.values(IngressPathType).includes(pathType)) {
        throw invalid(this, `${prop}.pathType`, 'is not a known path type', pathType, 'Use IngressPathType.PREFIX or IngressPathType.EXACT.');
      }
      if (!(r.backend instanceof HardenedWorkload)) {
        throw invalid(this, `${prop}.backend`, 'must be a hardened workload', r.backend, 'Pass a HardenedDeployment, HardenedStatefulSet or HardenedDaemonSet.');
      }
      checkIntegerRange(this, `${prop}.port`, r.port, 1, 65535);
      const declared = [r.backend.spec, ...r.backend.sidecars].flatMap((c) => c.ports ?? []).map((p) => p.containerPort);
      if (!r.backend.serviceResource || !declared.includes(r.port)) {
        throw invalid(this, `${prop}.port`, `is not a port workload "${r.backend.workloadName}" serves (declared: ${declared.length > 0 ? declared.join(', ') : 'none'})`, r.port,
          'Route to a port the backend declares in spec.ports.');
      }
      if (r.backend.namespaceName !== props.namespace.namespaceName) {
        throw invalid(this, `${prop}.backend`, 'runs in another namespace; an Ingress routes only to Services of its own namespace', r.backend.node.path,
          'Create one HardenedIngress per namespace.');
      }
      const key = `${host} ${path} ${pathType}`;
      if (seen.has(key)) throw invalid(this, `${prop}`, 'repeats the host and path of another route', key, 'Route each host and path once.');
      seen.add(key);
      const rule = rules.get(host) ?? { host, http: { path: [] } };
      rule.http.path.push({ path, pathType, backend: { service: { name: r.backend.serviceResource.metadata.name, port: { number: r.port } } } });
      rules.set(host, rule);
      const admitted = `${r.backend.node.path}:${r.port}`;
      if (props.controllerNamespace !== undefined && !allowed.has(admitted)) r.backend.allowFromNamespace(props.controllerNamespace, r.port);
      allowed.add(admitted);
    });

    this.ingressName = name;
    this.hosts = [...rules.keys()];
    this.resource = new k8s.IngressV1(this, 'Resource', {
      metadata: { name, namespace: props.namespace.namespaceName, labels: { ...MANAGED_BY_LABELS }, annotations: props.annotations ? { ...props.annotations } : undefined },
      spec: {
        ingressClassName: props.ingressClassName,
        tls: [{ hosts: [...this.hosts], secretName: props.tlsSecretName }],
        rule: [...rules.values()],
      },
    });
  }
}

function isHost(host: string): boolean {
  const bare = host.startsWith('*.') ? host.slice(2) : host;
  return bare.includes('.') && bare.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(bare);
}
