import { Image } from '@cdktf/provider-docker/lib/image';
import { DockerProvider } from '@cdktf/provider-docker/lib/provider';
import { TerraformVariable, Testing, Token } from 'cdktf';
import { Node } from 'constructs';
import { ImageReference, RegistryCredentials, TrustedImage } from '../../lib';
import { annotations, DIGEST, errorOf, newStack, PINNED } from './fixtures';
import { notesOf } from '../helpers/notes';

describe('TrustedImage', () => {
  test('snapshot of the default configuration', () => {
    const stack = newStack();
    new TrustedImage(stack, 'Api', { image: ImageReference.parse(PINNED), allowedRegistries: ['ghcr.io'] });
    expect(Testing.synth(stack)).toMatchSnapshot();
  });

  test('pulls the full digest-pinned reference and exposes image_id', () => {
    const stack = newStack();
    const image = new TrustedImage(stack, 'Api', { image: ImageReference.parse(PINNED), allowedRegistries: ['ghcr.io'] });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Image, { name: PINNED, keep_locally: false });
    expect(Token.isUnresolved(image.imageId)).toBe(true);
    expect(image.imageReference.isPinned).toBe(true);
    expect(image.allowUnpinned).toBe(false);
    expect(Node.of(image).defaultChild).toBe(image.resource);
  });

  test('Docker Hub aliases match docker.io; platform is passed through', () => {
    const stack = newStack();
    new TrustedImage(stack, 'Nginx', { image: ImageReference.parse(`nginx:1.27@${DIGEST}`), allowedRegistries: ['index.docker.io'], platform: 'linux/amd64' });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Image, { name: `docker.io/library/nginx:1.27@${DIGEST}`, platform: 'linux/amd64' });
  });

  test('keepLocally keeps the image on the host on destroy', () => {
    const stack = newStack();
    new TrustedImage(stack, 'Api', { image: ImageReference.parse(PINNED), allowedRegistries: ['ghcr.io'], keepLocally: true });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Image, { keep_locally: true });
  });

  test('reports DOCKER-CONTENT-TRUST as not enforceable by this provider', () => {
    const stack = newStack();
    const image = new TrustedImage(stack, 'Api', { image: ImageReference.parse(PINNED), allowedRegistries: ['ghcr.io'] });
    expect(notesOf(image)).toContainEqual(expect.stringMatching(/^DOCKER-CONTENT-TRUST \(CIS Docker 4\.5\): not enforceable by this provider/));
    expect(annotations(image)).toEqual([]);
  });

  test('opt-out: allowUnpinned accepts a tag with a DOCKER-IMAGE-PINNED warning', () => {
    const stack = newStack();
    const image = new TrustedImage(stack, 'Api', { image: ImageReference.parse('ghcr.io/acme/api:1.4.2'), allowedRegistries: ['ghcr.io'], allowUnpinned: true });
    expect(Testing.synth(stack)).toHaveResourceWithProperties(Image, { name: 'ghcr.io/acme/api:1.4.2' });
    expect(annotations(image)).toContainEqual({ level: '@cdktf/warn', message: expect.stringContaining('DOCKER-IMAGE-PINNED (CIS Docker 5.28)') });
  });

  test('fails on a tag-only image', () => {
    expect(errorOf(() => new TrustedImage(newStack(), 'Api', { image: ImageReference.parse('ghcr.io/acme/api:1.4.2'), allowedRegistries: ['ghcr.io'] })))
      .toMatch(/^stack\/Api: image: is tag-only \("1\.4\.2"\) and is not pinned by digest \(got "ghcr\.io\/acme\/api:1\.4\.2"\)\. Pin it/);
  });

  test('fails on latest', () => {
    expect(errorOf(() => new TrustedImage(newStack(), 'Api', { image: ImageReference.parse('nginx:latest'), allowedRegistries: ['docker.io'] })))
      .toMatch(/image: floats \(no tag, or "latest"\)/);
  });

  test('fails when the registry is not allowed', () => {
    expect(errorOf(() => new TrustedImage(newStack(), 'Api', { image: ImageReference.parse(PINNED), allowedRegistries: ['registry.corp.example'] })))
      .toMatch(/^stack\/Api: image: comes from registry "ghcr\.io", which is not in allowedRegistries/);
  });

  test('fails on an empty or malformed allow-list', () => {
    expect(errorOf(() => new TrustedImage(newStack(), 'Api', { image: ImageReference.parse(PINNED), allowedRegistries: [] }))).toMatch(/allowedRegistries: must list at least one registry/);
    expect(errorOf(() => new TrustedImage(newStack(), 'Api', { image: ImageReference.parse(PINNED), allowedRegistries: ['https://ghcr.io'] })))
      .toMatch(/allowedRegistries\[0\]: is not a registry host/);
  });

  test('fails on a bad platform', () => {
    expect(errorOf(() => new TrustedImage(newStack(), 'Api', { image: ImageReference.parse(PINNED), allowedRegistries: ['ghcr.io'], platform: 'amd64' })))
      .toMatch(/platform: is not an os\/arch/);
  });
});

describe('RegistryCredentials', () => {
  test('fromVariables adds registry_auth from sensitive variables to the provider', () => {
    const stack = newStack();
    const provider = new DockerProvider(stack, 'docker', { host: 'unix:///var/run/docker.sock' });
    RegistryCredentials.fromVariables(stack, 'ghcr', { address: 'ghcr.io' }).addTo(provider);
    const synth = JSON.parse(Testing.synth(stack));
    expect(synth.provider.docker[0].registry_auth).toEqual([{ address: 'ghcr.io', username: '${var.ghcr_username}', password: '${var.ghcr_password}' }]);
    expect(synth.variable.ghcr_username.sensitive).toBe(true);
    expect(synth.variable.ghcr_password.sensitive).toBe(true);
  });

  test('fromSensitiveValues accepts variable references and keeps other registry_auth blocks', () => {
    const stack = newStack();
    const provider = new DockerProvider(stack, 'docker', {});
    const user = new TerraformVariable(stack, 'hub_user', { sensitive: true });
    const token = new TerraformVariable(stack, 'hub_token', { sensitive: true });
    RegistryCredentials.fromSensitiveValues('registry-1.docker.io', user.stringValue, token.stringValue).addTo(provider);
    RegistryCredentials.fromVariables(stack, 'corp', { address: 'registry.corp.example:5000' }).addTo(provider);
    const auth = JSON.parse(Testing.synth(stack)).provider.docker[0].registry_auth;
    // Docker Hub aliases become "docker.io": kreuzwerker/docker 3.6.2 looks auth up by the image's registry part
    // (parseImageOptions → "docker.io" for docker.io/... images), so "registry-1.docker.io" would never match.
    expect(auth.map((a: any) => a.address)).toEqual(['docker.io', 'registry.corp.example:5000']);
    expect(auth[0].password).toBe('${var.hub_token}');
  });

  test.each(['registry-1.docker.io', 'index.docker.io', 'Docker.io'])('Docker Hub alias %s is written as docker.io, the key the provider matches docker.io images with', (alias) => {
    const stack = newStack();
    const provider = new DockerProvider(stack, 'docker', {});
    const creds = RegistryCredentials.fromVariables(stack, 'hub', { address: alias });
    creds.addTo(provider);
    expect(creds.address).toBe('docker.io');
    expect(JSON.parse(Testing.synth(stack)).provider.docker[0].registry_auth[0].address).toBe('docker.io');
  });

  test('fails on literal credentials without echoing them', () => {
    const stack = newStack();
    const user = new TerraformVariable(stack, 'u', { sensitive: true });
    const message = errorOf(() => RegistryCredentials.fromSensitiveValues('ghcr.io', user.stringValue, 's3cret-token'));
    expect(message).toMatch(/^RegistryCredentials\.fromSensitiveValues: password: is a sensitive value given as a literal, which would be written into cdk\.tf\.json \(got <redacted>\)/);
    expect(message).not.toContain('s3cret');
  });

  test('fails on a bad variable prefix or address', () => {
    expect(errorOf(() => RegistryCredentials.fromVariables(newStack(), 'Bad-Id', { address: 'ghcr.io' }))).toMatch(/id: is not a Terraform variable name prefix/);
    expect(errorOf(() => RegistryCredentials.fromVariables(newStack(), 'ghcr', { address: 'https://ghcr.io/' }))).toMatch(/address: is not a registry host/);
  });
});
