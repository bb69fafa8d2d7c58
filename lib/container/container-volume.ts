import { Volume } from '@cdktf/provider-docker/lib/volume';
import { Annotations, Token } from 'cdktf';
import { Construct } from 'constructs';
import { Naming } from '../core/naming';
import { RemovalPolicies, RemovalPolicy } from '../core/removal-policy';
import { invalid } from '../core/private/errors';
import { checkDnsLabel } from '../core/private/validation';
import { checkArgs, checkConstruct } from '../core/private/shapes';
import { docker } from './private/providers';

/** A named Docker volume containers can mount. */
export interface IContainerVolume {
  /** The volume's name (a Terraform reference to `docker_volume.name`). */
  readonly volumeName: string;
  /**
   * The volume's ID (a Terraform reference to `docker_volume.id`, which Docker sets to the name).
   * Containers mount by it when it is known, so that replacing the volume replaces its containers
   * first; mounted by name, they would stay, and Docker would refuse to remove a volume in use.
   * @default - containers mount by `volumeName`
   */
  readonly volumeId?: string;
}

/** Props of `ContainerVolume`. */
export interface ContainerVolumeProps {
  /**
   * Docker volume name (DNS-1123 label).
   * @default - a unique name derived from the construct path
   */
  readonly volumeName?: string;
  /**
   * What happens to the volume (and its data) on `cdktf destroy` or when it leaves the configuration.
   * @default RemovalPolicy.RETAIN
   */
  readonly removalPolicy?: RemovalPolicy;
}

/**
 * A named `docker_volume` (driver `local`) for data that must outlive a container, protected
 * from destroy by default (`lifecycle.prevent_destroy = true`).
 *
 * @see https://registry.terraform.io/providers/kreuzwerker/docker/3.6.2/docs/resources/volume
 */
export class ContainerVolume extends Construct implements IContainerVolume {
  /**
   * References an existing named volume (not managed by this stack, so never destroyed by it).
   *
   * @param scope the scope the reference is used in (names it in errors)
   * @param id a name for the reference (names it in errors)
   * @param volumeName the existing volume's name
   */
  public static fromVolumeName(scope: Construct, id: string, volumeName: string): IContainerVolume {
    checkArgs('ContainerVolume.fromVolumeName', 'ContainerVolume.fromVolumeName', [scope, id, volumeName]);
    const ref = `${scope.node.path}/${id}`;
    if (typeof volumeName !== 'string' || (!Token.isUnresolved(volumeName) && !/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/.test(volumeName))) {
      throw invalid(ref, 'volumeName', 'is not a Docker volume name', volumeName, 'Use letters, digits, "_", "." and "-", starting with a letter or digit.');
    }
    return { volumeName };
  }

  /** The underlying `docker_volume`. */
  public readonly resource: Volume;
  /** The volume name (Terraform reference). */
  public readonly volumeName: string;
  /** The removal policy applied. */
  public readonly removalPolicy: RemovalPolicy;
  /**
   * The `docker_volume.id` reference containers mount by.
   * @default - always set by this construct
   */
  public readonly volumeId?: string;

  constructor(scope: Construct, id: string, props: ContainerVolumeProps = {}) {
    checkConstruct(scope, id, 'ContainerVolume', [props]);
    super(scope, id);
    if (props.volumeName !== undefined) checkDnsLabel(this, 'volumeName', props.volumeName);
    this.removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
    if (this.removalPolicy === RemovalPolicy.DESTROY) {
      Annotations.of(this).addWarning("'removalPolicy' is DESTROY: `cdktf destroy` deletes this volume and its data.");
    }
    this.resource = new docker.Volume(this, 'Resource', {
      name: props.volumeName ?? Naming.uniqueDnsLabel(this),
      driver: 'local',
    });
    RemovalPolicies.apply(this.resource, this.removalPolicy);
    this.volumeName = this.resource.name;
    this.volumeId = this.resource.id;
  }
}
