import * as fc from 'fast-check';
import { Errors, ImageReference } from '../../lib';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const FORMAT = /^ImageReference\.parse: (reference|registry|repository|tag|digest): .+ \(got .+\)\. .+$/s;

describe('ImageReference.parse accepts and normalises', () => {
  test.each([
    ['nginx', 'docker.io', 'library/nginx', undefined, undefined],
    ['nginx:1.27', 'docker.io', 'library/nginx', '1.27', undefined],
    ['docker.io/nginx:1.27', 'docker.io', 'library/nginx', '1.27', undefined],
    ['index.docker.io/library/nginx', 'docker.io', 'library/nginx', undefined, undefined],
    ['bitnami/redis:7.2', 'docker.io', 'bitnami/redis', '7.2', undefined],
    [`ghcr.io/acme/api@${DIGEST}`, 'ghcr.io', 'acme/api', undefined, DIGEST],
    [`ghcr.io/acme/api:2.1.0@${DIGEST}`, 'ghcr.io', 'acme/api', '2.1.0', DIGEST],
    ['registry.local:5000/team/app:v2', 'registry.local:5000', 'team/app', 'v2', undefined],
    ['localhost/app', 'localhost', 'app', undefined, undefined],
    ['localhost:5000/a/b/c:1', 'localhost:5000', 'a/b/c', '1', undefined],
    ['[::1]:5000/app:1', '[::1]:5000', 'app', '1', undefined],
    ['quay.io/org/my_app__x-y.z:Tag_1', 'quay.io', 'org/my_app__x-y.z', 'Tag_1', undefined],
    ['Registry.Example.com/app', 'Registry.Example.com', 'app', undefined, undefined],
  ])('%s', (input, registry, repository, tag, digest) => {
    const image = ImageReference.parse(input);
    expect(image.registry).toBe(registry);
    expect(image.repository).toBe(repository);
    expect(image.tag).toBe(tag);
    expect(image.digest).toBe(digest);
    expect(image.isPinned).toBe(digest !== undefined);
  });

  test('reference is the full normalised form and reparses to itself', () => {
    const image = ImageReference.parse(`nginx:1.27@${DIGEST}`);
    expect(image.reference).toBe(`docker.io/library/nginx:1.27@${DIGEST}`);
    expect(image.name).toBe('docker.io/library/nginx');
    expect(ImageReference.parse(image.reference).reference).toBe(image.reference);
    expect(image.toString()).toBe(image.reference);
  });

  test('isLatest only for floating references', () => {
    expect(ImageReference.parse('nginx').isLatest).toBe(true);
    expect(ImageReference.parse('nginx:latest').isLatest).toBe(true);
    expect(ImageReference.parse('nginx:1.27').isLatest).toBe(false);
    expect(ImageReference.parse(`nginx:latest@${DIGEST}`).isLatest).toBe(false);
  });

  test('withDigest pins a tag-only reference', () => {
    const pinned = ImageReference.parse('nginx:1.27').withDigest(DIGEST);
    expect(pinned.isPinned).toBe(true);
    expect(pinned.reference).toBe(`docker.io/library/nginx:1.27@${DIGEST}`);
    expect(() => ImageReference.parse('nginx').withDigest('sha256:abc')).toThrow(/ImageReference.withDigest: digest: is not a sha256 digest/);
  });
});

describe('ImageReference.parse rejects malformed references', () => {
  test.each([
    ['', 'reference'],
    [' nginx', 'reference'],
    ['nginx latest', 'reference'],
    ['NGINX', 'repository'],
    ['nginx:', 'tag'],
    ['nginx:-bad', 'tag'],
    ['nginx:.bad', 'tag'],
    [`nginx:${'t'.repeat(129)}`, 'tag'],
    ['nginx@sha256:abc', 'digest'],
    [`nginx@sha512:${'a'.repeat(128)}`, 'digest'],
    [`nginx@sha256:${'A'.repeat(64)}`, 'digest'],
    ['nginx@', 'digest'],
    [':1.0', 'repository'],
    [`@${DIGEST}`, 'repository'],
    ['acme//api', 'repository'],
    ['acme/api/', 'repository'],
    ['acme/-api', 'repository'],
    ['acme/api-', 'repository'],
    ['acme/a..b', 'repository'],
    ['registry.local:99999/app', 'registry'],
    ['registry.local:port/app', 'registry'],
    ['-bad.example.com/app', 'registry'],
    ['bad_host.example.com/app', 'registry'],
    ['registry.example.com/', 'repository'],
    [`ghcr.io/${'a'.repeat(250)}`, 'repository'],
    ['ghcr.io/acme/api:1.0:2.0', 'repository'],
  ])('fails on %j naming %s', (input, part) => {
    let error: unknown;
    try {
      ImageReference.parse(input);
    } catch (e) {
      error = e;
    }
    expect(Errors.isValidationError(error)).toBe(true);
    expect((error as Error).message).toMatch(FORMAT);
    expect((error as Error).message.startsWith(`ImageReference.parse: ${part}: `)).toBe(true);
    expect(ImageReference.isValid(input)).toBe(false);
  });

  test('property: any string either parses or throws a ValidationError, never anything else', () => {
    fc.assert(fc.property(fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom(...'abcAB019:/@._-'.split('')) }),
      fc.tuple(fc.constantFrom('', 'ghcr.io/', 'localhost:5000/', 'a.b:0/'), fc.stringMatching(/^[a-z0-9._\/-]{0,20}$/), fc.constantFrom('', ':v1', ':', '@sha256:', `@${DIGEST}`))
        .map(([a, b, c]) => a + b + c),
    ), (input) => {
      try {
        const image = ImageReference.parse(input);
        // whatever parses must reparse to the same normalised reference
        expect(ImageReference.parse(image.reference).reference).toBe(image.reference);
      } catch (e) {
        expect(Errors.isValidationError(e)).toBe(true);
      }
    }), { numRuns: 2000 });
  });
});
