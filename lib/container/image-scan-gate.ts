import { Annotations, TerraformResource, Token } from 'cdktf';
import { Construct } from 'constructs';
import { invalid } from '../core/private/errors';
import { shellQuote } from './private/controls';
import { TerraformData } from './private/terraform-data';
import { ITrustedImage } from './trusted-image';

/** Vulnerability severity at or above which the scan fails the deploy (Grype's scale). */
export enum ScanSeverity {
  /** Negligible and above: any finding fails. */
  NEGLIGIBLE = 'negligible',
  /** Low and above. */
  LOW = 'low',
  /** Medium and above. */
  MEDIUM = 'medium',
  /** High and above. */
  HIGH = 'high',
  /** Critical only. */
  CRITICAL = 'critical',
}

const ORDER = [ScanSeverity.NEGLIGIBLE, ScanSeverity.LOW, ScanSeverity.MEDIUM, ScanSeverity.HIGH, ScanSeverity.CRITICAL];
// Trivy has no "negligible"; its lowest level is UNKNOWN (unscored), which takes that place.
const TRIVY_LEVEL: Record<ScanSeverity, string> = {
  [ScanSeverity.NEGLIGIBLE]: 'UNKNOWN',
  [ScanSeverity.LOW]: 'LOW',
  [ScanSeverity.MEDIUM]: 'MEDIUM',
  [ScanSeverity.HIGH]: 'HIGH',
  [ScanSeverity.CRITICAL]: 'CRITICAL',
};

/** Placeholder for the digest-pinned image reference in a custom scanner command. */
const IMAGE_PLACEHOLDER = '{image}';
/** Placeholder for the threshold (lower-case severity) in a custom scanner command. */
const SEVERITY_PLACEHOLDER = '{severity}';

enum ScannerKind { GRYPE = 'grype', TRIVY = 'trivy', CUSTOM = 'custom' }

/** Options of the built-in scanners. */
export interface ImageScannerOptions {
  /**
   * The scanner executable: a name on `PATH` or an absolute path.
   * @default - "grype" or "trivy"
   */
  readonly executable?: string;
}

/**
 * The scanner CLI an `ImageScanGate` runs. It must be installed on the machine where
 * `cdktf deploy` (Terraform) runs: the gate is a local-exec provisioner.
 */
export class ImageScanner {
  /**
   * Anchore Grype (the successor of Anchore Engine): `grype registry:<ref> --fail-on <severity>`.
   *
   * The `registry:` scheme pulls the image straight from its registry, so no Docker daemon is
   * needed where Terraform runs; private registries read `GRYPE_REGISTRY_AUTH_*` or `~/.docker/config.json`.
   * Grype exits non-zero when a vulnerability at or above the threshold is found.
   */
  public static grype(options: ImageScannerOptions = {}): ImageScanner {
    return new ImageScanner(ScannerKind.GRYPE, [ImageScanner.executable('ImageScanner.grype', options.executable, 'grype')]);
  }

  /**
   * Aqua Trivy: `trivy image --exit-code 1 --severity <threshold and above> <ref>`.
   *
   * Trivy has no "negligible" level; that threshold uses its lowest level, `UNKNOWN`, so every
   * finding fails.
   */
  public static trivy(options: ImageScannerOptions = {}): ImageScanner {
    return new ImageScanner(ScannerKind.TRIVY, [ImageScanner.executable('ImageScanner.trivy', options.executable, 'trivy')]);
  }

  /**
   * Any scanner CLI that exits non-zero to fail the deploy, e.g. Clair through clairctl:
   * `ImageScanner.custom(['clairctl', 'report', '{image}'])`.
   *
   * `{image}` is replaced by the digest-pinned reference (required), `{severity}` by the
   * threshold in lower case (optional). Arguments are shell-quoted; literal `${` or `%{` would be
   * read by Terraform as a template and are rejected.
   *
   * @param argv the program and its arguments
   */
  public static custom(argv: string[]): ImageScanner {
    const where = 'ImageScanner.custom';
    if (!Array.isArray(argv) || argv.length === 0 || argv.some((a) => typeof a !== 'string' || a.length === 0)) {
      throw invalid(where, 'argv', 'must be a non-empty list of non-empty strings', argv, 'Give the program and its arguments, e.g. ["clairctl", "report", "{image}"].');
    }
    if (!argv.some((a) => a.includes(IMAGE_PLACEHOLDER))) {
      throw invalid(where, 'argv', `has no ${IMAGE_PLACEHOLDER} placeholder`, argv, `Put ${IMAGE_PLACEHOLDER} where the image reference goes, e.g. ["clairctl", "report", "${IMAGE_PLACEHOLDER}"].`);
    }
    argv.forEach((a, i) => {
      if (!Token.isUnresolved(a) && /[$%]\{/.test(a)) {
        throw invalid(where, `argv[${i}]`, 'contains "${" or "%{", which Terraform would read as a template', a, 'Remove the template syntax; pass values through the environment of the deploy instead.');
      }
    });
    return new ImageScanner(ScannerKind.CUSTOM, [...argv]);
  }

  private static executable(where: string, given: string | undefined, fallback: string): string {
    const value = given ?? fallback;
    if (typeof value !== 'string' || !/^[A-Za-z0-9_./-]+$/.test(value)) {
      throw invalid(where, 'executable', 'is not a program name or path', value, `Use a name on PATH or an absolute path, e.g. "/usr/local/bin/${fallback}".`);
    }
    return value;
  }

  /** Which scanner: `grype`, `trivy` or `custom`. */
  public readonly scannerName: string;
  private readonly argvTemplate: string[];

  private constructor(kind: ScannerKind, argvTemplate: string[]) {
    this.scannerName = kind;
    this.argvTemplate = argvTemplate;
  }

  /**
   * The exact argument vector the gate runs for `imageReference` and `threshold`.
   *
   * @param imageReference the digest-pinned reference to scan
   * @param threshold fail at or above this severity
   */
  public argvFor(imageReference: string, threshold: ScanSeverity): string[] {
    switch (this.scannerName) {
      case ScannerKind.GRYPE:
        return [this.argvTemplate[0], `registry:${imageReference}`, '--fail-on', threshold];
      case ScannerKind.TRIVY: {
        const levels = ORDER.slice(ORDER.indexOf(threshold)).map((s) => TRIVY_LEVEL[s]);
        return [this.argvTemplate[0], 'image', '--exit-code', '1', '--severity', levels.join(','), imageReference];
      }
      default:
        return this.argvTemplate.map((a) => a.split(IMAGE_PLACEHOLDER).join(imageReference).split(SEVERITY_PLACEHOLDER).join(threshold));
    }
  }
}

/** Props of `ImageScanGate`. */
export interface ImageScanGateProps {
  /** The digest-pinned image to scan. */
  readonly image: ITrustedImage;
  /**
   * The scanner CLI.
   * @default ImageScanner.grype()
   */
  readonly scanner?: ImageScanner;
  /**
   * Fail the deploy when a vulnerability at or above this severity is found.
   * @default ScanSeverity.HIGH
   */
  readonly failOnSeverity?: ScanSeverity;
}

/**
 * A deploy-time vulnerability gate: before a container is created, scans the exact digest-pinned
 * image and fails `cdktf deploy` at or above a severity threshold.
 *
 * It is Terraform's built-in `terraform_data` resource (no provider needed) with a `local-exec`
 * provisioner; `triggers_replace` holds the digest-pinned reference and the command, so the scan
 * runs again whenever the digest (or the scanner or threshold) changes. Pass the gate to
 * `HardenedContainerProps.scanGate` and the container `depends_on` it.
 *
 * The scanner (Grype by default, Trivy, or a custom command) must be installed on the machine
 * where `cdktf deploy` runs, with network access to the registry and its vulnerability database.
 *
 * @see https://developer.hashicorp.com/terraform/language/resources/terraform-data
 */
export class ImageScanGate extends Construct {
  /** The underlying `terraform_data` resource carrying the provisioner. */
  public readonly resource: TerraformResource;
  /** The scanned, digest-pinned reference. */
  public readonly imageReference: string;
  /** The scanner. */
  public readonly scanner: ImageScanner;
  /** The threshold. */
  public readonly failOnSeverity: ScanSeverity;
  /** The exact argument vector run by the provisioner. */
  public readonly argv: string[];
  /** The shell command line (the argv, shell-quoted) that the provisioner runs with `/bin/sh -c`. */
  public readonly command: string;

  constructor(scope: Construct, id: string, props: ImageScanGateProps) {
    super(scope, id);
    if (props.image === undefined || props.image === null || props.image.imageReference === undefined) {
      throw invalid(this, 'image', 'is required', props.image, 'Pass the TrustedImage to scan.');
    }
    if (!props.image.imageReference.isPinned) {
      throw invalid(this, 'image', 'is not pinned by digest, so the scanned image could differ from the deployed one', props.image.imageReference.reference,
        'Pin the TrustedImage with "@sha256:<digest>".');
    }
    this.failOnSeverity = props.failOnSeverity ?? ScanSeverity.HIGH;
    if (!ORDER.includes(this.failOnSeverity)) {
      throw invalid(this, 'failOnSeverity', 'is not one of negligible, low, medium, high, critical', this.failOnSeverity,
        'Use ScanSeverity.NEGLIGIBLE, LOW, MEDIUM, HIGH or CRITICAL.');
    }
    if (props.scanner !== undefined && !(props.scanner instanceof ImageScanner)) {
      throw invalid(this, 'scanner', 'must be an ImageScanner', props.scanner, 'Use ImageScanner.grype(), ImageScanner.trivy() or ImageScanner.custom([...]).');
    }
    this.scanner = props.scanner ?? ImageScanner.grype();
    this.imageReference = props.image.imageReference.reference;
    this.argv = this.scanner.argvFor(this.imageReference, this.failOnSeverity);
    this.command = this.argv.map((a) => (Token.isUnresolved(a) ? a : shellQuote(a))).join(' ');
    if (this.failOnSeverity === ScanSeverity.CRITICAL) {
      Annotations.of(this).addWarning("'failOnSeverity' is CRITICAL: images with known HIGH vulnerabilities pass the gate.");
    }

    this.resource = new TerraformData(this, 'Resource', {
      triggersReplace: {
        image: this.imageReference,
        scanner: this.scanner.scannerName,
        command: this.command,
      },
      provisioners: [{
        type: 'local-exec',
        command: this.command,
        interpreter: ['/bin/sh', '-c'],
      }],
    });
  }
}
