// Loads the type declarations of cdktf's jest matchers (toHaveResourceWithProperties, ...), which test/setup.ts registers at run time.
import { TerraformStack, Testing } from 'cdktf';
import { Construct } from 'constructs';
import {
  ContainerNetwork, ContainerSpec, Errors, HardenedContainer, HardenedContainerProps, HealthProbe, ImageReference, TrustedImage,
} from '../../lib';

export const DIGEST = `sha256:${'a'.repeat(64)}`;
export const PINNED = `ghcr.io/acme/api:1.4.2@${DIGEST}`;

export function newStack(): TerraformStack {
  return new TerraformStack(Testing.app(), 'stack');
}

/** A stack with an image, a front network and a spec; `build` adds the container under test. */
export interface Fixture {
  readonly stack: TerraformStack;
  readonly image: TrustedImage;
  readonly network: ContainerNetwork;
  readonly spec: ContainerSpec;
}

export function fixture(reference: string = PINNED): Fixture {
  const stack = newStack();
  const image = new TrustedImage(stack, 'ApiImage', { image: ImageReference.parse(reference), allowedRegistries: ['ghcr.io'] });
  const network = new ContainerNetwork(stack, 'Front');
  const spec: ContainerSpec = {
    name: 'api',
    image: image.imageReference,
    ports: [{ name: 'http', containerPort: 8080 }],
    healthProbe: HealthProbe.exec({ command: ['/app/healthcheck'] }),
    writablePaths: ['/tmp'],
  };
  return { stack, image, network, spec };
}

/** Builds a container in a fresh fixture with `props` merged over a minimal valid configuration. */
export function container(props: Partial<HardenedContainerProps> = {}, spec: Partial<ContainerSpec> = {}): { fx: Fixture; web: HardenedContainer } {
  const fx = fixture();
  const web = new HardenedContainer(fx.stack, 'Web', { image: fx.image, networks: [fx.network], ...props, spec: { ...fx.spec, ...spec } });
  return { fx, web };
}

/** The synthesized docker_container attributes of the container `Web`. */
export function containerJson(props: Partial<HardenedContainerProps> = {}, spec: Partial<ContainerSpec> = {}): Record<string, any> {
  const { fx } = container(props, spec);
  return firstOf(JSON.parse(Testing.synth(fx.stack)).resource.docker_container);
}

export function firstOf(map: Record<string, any>): Record<string, any> {
  return Object.values(map)[0];
}

/** Runs `build` and returns the validation error message it throws (fails the test when it does not throw one). */
export function errorOf(build: () => unknown): string {
  let error: unknown;
  try {
    build();
  } catch (e) {
    error = e;
  }
  expect(Errors.isValidationError(error)).toBe(true);
  const message = (error as Error).message;
  expect(message).toMatch(/ \(got .*\)\. \S/);
  return message;
}

/** Warnings and infos recorded on a construct. */
export function annotations(scope: Construct): Array<{ level: string; message: string }> {
  return scope.node.metadata
    .filter((m) => m.type.startsWith('@cdktf/'))
    .map((m) => ({ level: m.type, message: String(m.data) }));
}

