import { DataResource, Testing } from 'cdktf';
import { Node } from 'constructs';
import { ImageReference, ImageScanGate, ImageScanner, ScanSeverity, TrustedImage } from '../../lib';
import { annotations, errorOf, fixture, newStack, PINNED } from './fixtures';

function gate(scanner?: ImageScanner, failOnSeverity?: ScanSeverity) {
  const fx = fixture();
  const scan = new ImageScanGate(fx.stack, 'Scan', { image: fx.image, scanner, failOnSeverity });
  const json = Object.values<any>(JSON.parse(Testing.synth(fx.stack)).resource.terraform_data)[0];
  return { fx, scan, json };
}

describe('ImageScanGate', () => {
  test('snapshot of the default configuration (Grype, high)', () => {
    const fx = fixture();
    new ImageScanGate(fx.stack, 'Scan', { image: fx.image });
    expect(Testing.synth(fx.stack)).toMatchSnapshot();
  });

  test('is a terraform_data resource (no provider) with a local-exec provisioner', () => {
    const { scan, fx } = gate();
    expect(Testing.synth(fx.stack)).toHaveResourceWithProperties(DataResource, {
      provisioner: [{ 'local-exec': { command: `grype registry:${PINNED} --fail-on high`, interpreter: ['/bin/sh', '-c'] } }],
    });
    expect(Node.of(scan).defaultChild).toBe(scan.resource);
  });

  test('triggers_replace holds the digest-pinned reference, so a new digest re-runs the scan', () => {
    const { json } = gate();
    expect(json.triggers_replace).toEqual({ image: PINNED, scanner: 'grype', threshold: 'high', command: `grype registry:${PINNED} --fail-on high` });
    const other = PINNED.replace(/a{64}$/, 'b'.repeat(64));
    const stack = newStack();
    const image = new TrustedImage(stack, 'ApiImage', { image: ImageReference.parse(other), allowedRegistries: ['ghcr.io'] });
    new ImageScanGate(stack, 'Scan', { image });
    expect(Object.values<any>(JSON.parse(Testing.synth(stack)).resource.terraform_data)[0].triggers_replace.image).toBe(other);
  });

  test('Grype argv (default): registry: scheme, exact reference, --fail-on threshold', () => {
    const { scan } = gate(undefined, ScanSeverity.MEDIUM);
    expect(scan.argv).toEqual(['grype', `registry:${PINNED}`, '--fail-on', 'medium']);
    expect(scan.command).toBe(`grype registry:${PINNED} --fail-on medium`);
    expect(scan.failOnSeverity).toBe(ScanSeverity.MEDIUM);
  });

  test.each([
    [ScanSeverity.NEGLIGIBLE, 'UNKNOWN,LOW,MEDIUM,HIGH,CRITICAL'],
    [ScanSeverity.LOW, 'LOW,MEDIUM,HIGH,CRITICAL'],
    [ScanSeverity.MEDIUM, 'MEDIUM,HIGH,CRITICAL'],
    [ScanSeverity.HIGH, 'HIGH,CRITICAL'],
    [ScanSeverity.CRITICAL, 'CRITICAL'],
  ])('Trivy argv at %s: --exit-code 1 --severity %s <ref>', (threshold, levels) => {
    const { scan, json } = gate(ImageScanner.trivy(), threshold);
    expect(scan.argv).toEqual(['trivy', 'image', '--exit-code', '1', '--severity', levels, PINNED]);
    expect(json.provisioner[0]['local-exec'].command).toBe(`trivy image --exit-code 1 --severity ${levels} ${PINNED}`);
  });

  test.each(Object.values(ScanSeverity))('Grype argv at %s', (threshold) => {
    expect(gate(ImageScanner.grype({ executable: '/usr/local/bin/grype' }), threshold).scan.argv)
      .toEqual(['/usr/local/bin/grype', `registry:${PINNED}`, '--fail-on', threshold]);
  });

  test('custom command: placeholders replaced, arguments shell-quoted', () => {
    const { scan, json } = gate(ImageScanner.custom(['my-scanner', 'scan', '--threshold={severity}', '{image}', 'it\'s']), ScanSeverity.CRITICAL);
    expect(scan.argv).toEqual(['my-scanner', 'scan', '--threshold=critical', PINNED, 'it\'s']);
    expect(json.provisioner[0]['local-exec'].command).toBe(`my-scanner scan --threshold=critical ${PINNED} 'it'\\''s'`);
    expect(scan.scanner.scannerName).toBe('custom');
  });

  test('warns when the threshold lets HIGH findings pass', () => {
    const { scan } = gate(undefined, ScanSeverity.CRITICAL);
    expect(annotations(scan)).toContainEqual({ level: '@cdktf/warn', message: expect.stringContaining("'failOnSeverity' is CRITICAL") });
  });

  test('fails when the threshold is not a known severity', () => {
    const fx = fixture();
    expect(errorOf(() => new ImageScanGate(fx.stack, 'Scan', { image: fx.image, failOnSeverity: 'severe' as ScanSeverity })))
      .toMatch(/^stack\/Scan: failOnSeverity: is not one of negligible, low, medium, high, critical \(got "severe"\)/);
  });

  test('fails when the image is not pinned', () => {
    const stack = newStack();
    const image = new TrustedImage(stack, 'Img', { image: ImageReference.parse('ghcr.io/acme/api:1.4.2'), allowedRegistries: ['ghcr.io'], allowUnpinned: true });
    expect(errorOf(() => new ImageScanGate(stack, 'Scan', { image }))).toMatch(/^stack\/Scan: image: is not pinned by digest/);
  });

  test('fails on a custom command without {image}, or with Terraform template syntax', () => {
    expect(errorOf(() => ImageScanner.custom(['clairctl', 'report']))).toMatch(/^ImageScanner\.custom: argv: has no \{image\} placeholder/);
    expect(errorOf(() => ImageScanner.custom([]))).toMatch(/argv: must be a non-empty list/);
    expect(errorOf(() => ImageScanner.custom(['scan', '{image}', '${HOME}']))).toMatch(/argv\[2\]: contains "\$\{" or "%\{"/);
  });

  test('fails on an executable that is not a plain path', () => {
    expect(errorOf(() => ImageScanner.trivy({ executable: 'trivy; rm -rf /' }))).toMatch(/^ImageScanner\.trivy: executable: is not a program name or path/);
  });
});

describe('ImageScanGate synth cost (issue 17)', () => {
  test('validating a stack of gates spawns no `terraform version` subprocess, and the resource is still terraform_data', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const childProcess = require('child_process');
    const spy = jest.spyOn(childProcess, 'execSync');
    try {
      const fx = fixture();
      const scan = new ImageScanGate(fx.stack, 'Scan', { image: fx.image });
      // Every construct's own validations (the stack's provider check is not ours and needs a provider).
      const errors = fx.stack.node.findAll().filter((c) => c !== fx.stack).flatMap((c) => c.node.validate());
      expect(errors).toEqual([]);
      expect(spy.mock.calls.filter((c) => String(c[0]).includes('terraform'))).toEqual([]);
      expect(scan.resource.terraformResourceType).toBe('terraform_data');
      expect(scan.resource.terraformGeneratorMetadata).toEqual({ providerName: 'terraform' });
    } finally {
      spy.mockRestore();
    }
  });
});
