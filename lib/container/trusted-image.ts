import { Image } from '@cdktf/provider-docker/lib/image';
import { DockerProvider, DockerProviderRegistryAuth } from '@cdktf/provider-docker/lib/provider';
import { Annotations, TerraformVariable, Token } from 'cdktf';
import { Construct } from 'constructs';
import { ImageReference } from '../core/image-reference';
import { invalid } from '../core/private/errors';
import { addSynthNote } from '../core/private/notes';
import { checkSensitiveToken, guardSensitive } from '../core/private/secrets';
import { checkArgs, checkConstruct } from '../core/private/shapes';
import { docker } from './private/providers';

const DOCKER_HUB_ALIASES = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);
const REGISTRY_HOST = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]{1,5})?$/;

/** A container image other constructs can run: a pulled, verified `docker_image`. */
export interface ITrustedImage {
  /** The reference that was pulled (digest-pinned unless explicitly allowed otherwise). */
  readonly imageReference: ImageReference;
  /** The `docker_image.image_id` (a Terraform reference), what a `docker_container` runs. */
  readonly imageId: string;
}

/** Props of `TrustedImage`. */
export interface TrustedImageProps {
  /** The image to pull. Must carry a sha256 digest (`ImageReference.parse('repo:tag@sha256:…')`). */
  readonly image: ImageReference;
  /**
   * Registries images may come from, e.g. `["ghcr.io", "registry.corp.example:5000"]`.
   * Docker Hub is `docker.io` (its aliases `index.docker.io` and `registry-1.docker.io` match too).
   */
  readonly allowedRegistries: string[];
  /**
   * Accept a reference without a digest (a tag, or `latest`).
   *
   * The content behind a tag can change at any time, so this is reported as DOCKER-IMAGE-PINNED
   * (CIS Docker 5.28) by a warning and by the policy engine.
   * @default false
   */
  readonly allowUnpinned?: boolean;
  /**
   * Platform to pull, e.g. `linux/amd64`.
   * @default - the Docker host's platform
   */
  readonly platform?: string;
  /**
   * Keep the image on the Docker host when the resource is destroyed.
   * @default false
   */
  readonly keepLocally?: boolean;
}

/**
 * A `docker_image` pulled by an exact, digest-pinned reference from an allowed registry.
 *
 * Controls: DOCKER-IMAGE-PINNED (CIS Docker 5.28). Image signatures (DOCKER-CONTENT-TRUST, CIS
 * Docker 4.5) are not enforceable by this provider: it has no content-trust option, so verify
 * signatures in the pipeline. Registry credentials belong in the provider's `registry_auth`
 * block; build it from sensitive variables with `RegistryCredentials`.
 *
 * @see https://registry.terraform.io/providers/kreuzwerker/docker/3.6.2/docs/resources/image
 */
export class TrustedImage extends Construct implements ITrustedImage {
  /** The underlying `docker_image`. */
  public readonly resource: Image;
  /** The reference that is pulled. */
  public readonly imageReference: ImageReference;
  /** The `docker_image.image_id` reference. */
  public readonly imageId: string;
  /** Whether an unpinned reference was accepted. */
  public readonly allowUnpinned: boolean;
  /** The registries images may come from (as given). */
  public readonly allowedRegistries: string[];

  constructor(scope: Construct, id: string, props: TrustedImageProps) {
    checkConstruct(scope, id, 'TrustedImage', [props]);
    super(scope, id);
    if (!(props.image instanceof ImageReference)) {
      throw invalid(this, 'image', 'must be an ImageReference', props.image, 'Use ImageReference.parse("registry/repo:tag@sha256:<digest>").');
    }
    if (!Array.isArray(props.allowedRegistries) || props.allowedRegistries.length === 0) {
      throw invalid(this, 'allowedRegistries', 'must list at least one registry', props.allowedRegistries,
        'Name the registries you trust, e.g. ["ghcr.io", "registry.corp.example:5000"].');
    }
    props.allowedRegistries.forEach((registry, i) => {
      if (typeof registry === 'string' && ['hub.docker.com', 'www.docker.com', 'docker.com'].includes(registry.toLowerCase())) {
        throw invalid(this, `allowedRegistries[${i}]`, 'is the Docker Hub website, not its registry', registry,
          'Docker Hub images come from the registry "docker.io" (every Docker Hub ImageReference names it): allow "docker.io".');
      }
      if (typeof registry !== 'string' || !REGISTRY_HOST.test(registry)) {
        throw invalid(this, `allowedRegistries[${i}]`, 'is not a registry host', registry,
          'Give a host name with an optional port and no scheme or path, e.g. "ghcr.io" or "registry.local:5000".');
      }
    });
    const canonical = (host: string) => (DOCKER_HUB_ALIASES.has(host.toLowerCase()) ? 'docker.io' : host.toLowerCase());
    const allowed = new Set(props.allowedRegistries.map(canonical));
    if (!allowed.has(canonical(props.image.registry))) {
      throw invalid(this, 'image', `comes from registry "${props.image.registry}", which is not in allowedRegistries`, props.image.reference,
        `Pull from one of ${props.allowedRegistries.map((r) => `"${r}"`).join(', ')}, or add the registry to allowedRegistries.`);
    }
    this.allowUnpinned = props.allowUnpinned ?? false;
    if (!props.image.isPinned) {
      const kind = props.image.isLatest ? 'floats (no tag, or "latest")' : `is tag-only ("${props.image.tag}")`;
      if (!this.allowUnpinned) {
        throw invalid(this, 'image', `${kind} and is not pinned by digest`, props.image.reference,
          'Pin it: append "@sha256:<digest>" (see `docker buildx imagetools inspect <image>`), or set allowUnpinned: true to accept the risk.');
      }
      Annotations.of(this).addWarning(`'allowUnpinned' is true and image ${props.image.reference} ${kind}: DOCKER-IMAGE-PINNED (CIS Docker 5.28) reports it.`);
    }
    if (props.platform !== undefined && !Token.isUnresolved(props.platform) && !/^[a-z0-9]+\/[a-z0-9_]+(\/[a-z0-9]+)?$/.test(props.platform)) {
      throw invalid(this, 'platform', 'is not an os/arch[/variant] platform', props.platform, 'Use e.g. "linux/amd64" or "linux/arm64/v8".');
    }

    this.imageReference = props.image;
    this.allowedRegistries = [...props.allowedRegistries];
    this.resource = new docker.Image(this, 'Resource', {
      name: props.image.reference,
      platform: props.platform,
      keepLocally: props.keepLocally ?? false,
    });
    this.imageId = this.resource.imageId;
    addSynthNote(this, 'DOCKER-CONTENT-TRUST', 'DOCKER-CONTENT-TRUST (CIS Docker 4.5): not enforceable by this provider (no content-trust option); verify image signatures in the pipeline.');
  }
}

/** Props of `RegistryCredentials.fromVariables`. */
export interface RegistryCredentialsProps {
  /**
   * Registry address, e.g. `ghcr.io` or `registry.corp.example:5000`. Docker Hub is `docker.io`;
   * its aliases `index.docker.io` and `registry-1.docker.io` are written as `docker.io`, the key
   * kreuzwerker/docker 3.6.2 looks credentials up by for `docker.io/...` images.
   */
  readonly address: string;
}

/**
 * Credentials for a private registry (or Docker Hub), taken only from sensitive Terraform variables.
 *
 * The kreuzwerker/docker provider authenticates pulls with its `registry_auth` block, so the
 * credentials go on the provider, never on a resource:
 *
 * ```ts
 * const creds = RegistryCredentials.fromVariables(stack, 'ghcr', { address: 'ghcr.io' });
 * creds.addTo(dockerProvider); // registry_auth { address = "ghcr.io", username = var.ghcr_username, password = var.ghcr_password }
 * ```
 *
 * Set the values with `TF_VAR_ghcr_username` / `TF_VAR_ghcr_password` (or a tfvars file kept out of Git).
 */
export class RegistryCredentials {
  /**
   * Declares two sensitive variables, `<id>_username` and `<id>_password`, for a registry.
   *
   * @param scope the stack (or a construct in it) that owns the variables
   * @param id variable name prefix: lower-case letters, digits and "_"
   */
  public static fromVariables(scope: Construct, id: string, props: RegistryCredentialsProps): RegistryCredentials {
    checkArgs('RegistryCredentials.fromVariables', 'RegistryCredentials.fromVariables', [scope, id, props]);
    if (typeof id !== 'string' || !/^[a-z][a-z0-9_]*$/.test(id)) {
      throw invalid(scope, 'id', 'is not a Terraform variable name prefix', id, 'Use lower-case letters, digits and "_", e.g. "ghcr".');
    }
    RegistryCredentials.checkAddress(scope, props.address);
    const username = new TerraformVariable(scope, `${id}_username`, {
      type: 'string', sensitive: true, description: `User name for registry ${props.address}`,
    });
    const password = new TerraformVariable(scope, `${id}_password`, {
      type: 'string', sensitive: true, description: `Password or token for registry ${props.address}`,
    });
    return new RegistryCredentials(props.address, username.stringValue, password.stringValue);
  }

  /**
   * Credentials from values you already hold as sensitive references (e.g. `TerraformVariable.stringValue`).
   * Literal strings are rejected: a credential must never be written into cdk.tf.json.
   */
  public static fromSensitiveValues(address: string, username: string, password: string): RegistryCredentials {
    checkArgs('RegistryCredentials.fromSensitiveValues', 'RegistryCredentials.fromSensitiveValues', [address, username, password]);
    const where = 'RegistryCredentials.fromSensitiveValues';
    RegistryCredentials.checkAddress(where, address);
    checkSensitiveToken(where, 'username', username);
    checkSensitiveToken(where, 'password', password);
    return new RegistryCredentials(address, username, password);
  }

  private static checkAddress(scope: Construct | string, address: string): void {
    if (typeof address !== 'string' || (!Token.isUnresolved(address) && !REGISTRY_HOST.test(address))) {
      throw invalid(scope, 'address', 'is not a registry host', address, 'Give a host name with an optional port, e.g. "ghcr.io".');
    }
  }

  /** Registry address. */
  public readonly address: string;
  private readonly username: string;
  private readonly password: string;

  private constructor(address: string, username: string, password: string) {
    // The provider keys registry_auth by host and looks a pull up by the image's registry part,
    // which ImageReference always writes as "docker.io" for Docker Hub: any alias would never match,
    // and the pull would silently go out anonymous (private images fail, public ones hit the rate limit).
    this.address = Token.isUnresolved(address) || !DOCKER_HUB_ALIASES.has(address.toLowerCase()) ? address : 'docker.io';
    this.username = username;
    this.password = password;
  }

  /** Adds a `registry_auth` block with these credentials to a Docker provider, keeping its other blocks. */
  public addTo(provider: DockerProvider): void {
    const existing = provider.registryAuth;
    const blocks: DockerProviderRegistryAuth[] = Array.isArray(existing) ? [...existing] : [];
    // Checked again against the provider's stack: a token that resolves to a literal is rejected at synth.
    blocks.push({
      address: this.address,
      username: guardSensitive(provider, 'registryAuth.username', this.username),
      password: guardSensitive(provider, 'registryAuth.password', this.password),
    });
    provider.registryAuth = blocks;
  }
}
