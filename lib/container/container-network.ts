import { Network } from '@cdktf/provider-docker/lib/network';
import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { Naming } from '../core/naming';
import { invalid } from '../core/private/errors';
import { checkDnsLabel } from '../core/private/validation';
import { checkArgs, checkConstruct } from '../core/private/shapes';
import { docker } from './private/providers';

const BUILT_IN_NETWORKS = ['bridge', 'default', 'host', 'none'];

/** A user-defined Docker network containers can attach to. */
export interface IContainerNetwork {
  /** The network's name (a Terraform reference to `docker_network.name`). */
  readonly networkName: string;
  /** True for a back-end network with no route to the outside (`internal = true`). */
  readonly internal: boolean;
  /**
   * The network's ID (a Terraform reference to `docker_network.id`). Containers attach by it
   * when it is known, so that replacing the network (every `docker_network` attribute is
   * ForceNew) replaces its containers first; attached by name, they would stay, and Docker
   * would refuse to remove a network with active endpoints.
   * @default - containers attach by `networkName`
   */
  readonly networkId?: string;
}

/** Props of `ContainerNetwork`. */
export interface ContainerNetworkProps {
  /**
   * Docker network name (DNS-1123 label).
   * @default - a unique name derived from the construct path
   */
  readonly networkName?: string;
  /**
   * A back-end network: no route to or from outside the host, and no published ports.
   * @default false
   */
  readonly internal?: boolean;
  /**
   * Let containers on this network talk to each other (bridge option `enable_icc`).
   *
   * Off by default (DOCKER-NET-ICC, CIS Docker 2.2): turn it on for a network whose members must
   * reach each other, e.g. a reverse proxy and the app behind it.
   * @default false
   */
  readonly interContainerCommunication?: boolean;
}

/**
 * A user-defined bridge network (`docker_network`, driver `bridge`), isolated by default.
 *
 * Containers attach by reference (`HardenedContainerProps.networks`) and so never use the default
 * `docker0` bridge (DOCKER-NO-DEFAULT-BRIDGE, CIS Docker 5.30). Inter-container communication is
 * off by default (`com.docker.network.bridge.enable_icc = "false"`, DOCKER-NET-ICC).
 *
 * @see https://registry.terraform.io/providers/kreuzwerker/docker/3.6.2/docs/resources/network
 */
export class ContainerNetwork extends Construct implements IContainerNetwork {
  /**
   * References an existing user-defined network by name (not managed by this stack).
   *
   * The built-in `bridge`, `host`, `none` and `default` networks are rejected (DOCKER-NO-DEFAULT-BRIDGE, DOCKER-NO-HOST-NET).
   *
   * @param scope the scope the reference is used in (names it in errors)
   * @param id a name for the reference (names it in errors)
   * @param networkName the existing network's name
   * @param internal whether that network is internal (no published ports there)
   */
  public static fromNetworkName(scope: Construct, id: string, networkName: string, internal: boolean = false): IContainerNetwork {
    checkArgs('ContainerNetwork.fromNetworkName', 'ContainerNetwork.fromNetworkName', [scope, id, networkName, internal]);
    const ref = `${scope.node.path}/${id}`;
    if (typeof networkName !== 'string' || networkName.length === 0) {
      throw invalid(ref, 'networkName', 'is required', networkName, 'Give the name of an existing user-defined network.');
    }
    if (!Token.isUnresolved(networkName) && BUILT_IN_NETWORKS.includes(networkName)) {
      throw invalid(ref, 'networkName', 'is a built-in Docker network (DOCKER-NO-DEFAULT-BRIDGE, DOCKER-NO-HOST-NET)', networkName,
        'Attach to a user-defined bridge, e.g. a ContainerNetwork.');
    }
    return { networkName, internal };
  }

  /** The underlying `docker_network`. */
  public readonly resource: Network;
  /** The network name (Terraform reference). */
  public readonly networkName: string;
  /** Whether the network is internal. */
  public readonly internal: boolean;
  /** Whether members may talk to each other. */
  public readonly interContainerCommunication: boolean;
  /**
   * The `docker_network.id` reference containers attach by.
   * @default - always set by this construct
   */
  public readonly networkId?: string;

  constructor(scope: Construct, id: string, props: ContainerNetworkProps = {}) {
    checkConstruct(scope, id, 'ContainerNetwork', [props]);
    super(scope, id);
    if (props.networkName !== undefined) checkDnsLabel(this, 'networkName', props.networkName);
    this.internal = props.internal ?? false;
    this.interContainerCommunication = props.interContainerCommunication ?? false;
    if (this.interContainerCommunication) {
      Annotations.of(this).addWarning("'interContainerCommunication' is true: members of this network can reach each other; DOCKER-NET-ICC (CIS Docker 2.2) reports it.");
    }
    this.resource = new docker.Network(this, 'Resource', {
      name: props.networkName ?? Naming.uniqueDnsLabel(this),
      driver: 'bridge',
      internal: this.internal,
      attachable: false,
      options: {
        'com.docker.network.bridge.enable_icc': String(this.interContainerCommunication),
      },
    });
    this.networkName = this.resource.name;
    this.networkId = this.resource.id;
  }
}

