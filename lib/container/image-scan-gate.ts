import * as path from 'path';
import { Annotations, AssetType, dependable, TerraformAsset, TerraformResource, TerraformStack, Token } from 'cdktf';
import { Construct } from 'constructs';
import { invalid, REDACTED } from '../core/private/errors';
import { shellQuote } from './private/controls';
import { TerraformData } from './private/terraform-data';
import { ITrustedImage } from './trusted-image';
import { checkArgs, checkConstruct } from '../core/private/shapes';

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
/** The gate program in `bin/` (also an npm bin of this package) that decides Clair and Anchore reports. */
const GATE_PROGRAM = 'cdktf-hybrid-scan-gate';
const GATE_PROGRAM_FILE = path.join(__dirname, '..', '..', 'bin', `${GATE_PROGRAM}.js`);
/** Environment variables anchorectl reads for its endpoint and credentials. */
const ANCHORE_ENVIRONMENT = ['ANCHORECTL_URL', 'ANCHORECTL_USERNAME', 'ANCHORECTL_PASSWORD', 'ANCHORECTL_ACCOUNT'];
/** Environment variable clairctl's `report --host` flag reads (the Clair v4 API URL). */
const CLAIR_ENVIRONMENT = ['CLAIR_API'];

enum ScannerKind { GRYPE = 'grype', TRIVY = 'trivy', ANCHORE = 'anchore', CLAIR = 'clair', CUSTOM = 'custom' }

/** Options of the built-in scanners. */
export interface ImageScannerOptions {
  /**
   * The scanner executable: a name on `PATH` or an absolute path.
   * @default - "grype", "trivy", "anchorectl" or "clairctl"
   */
  readonly executable?: string;
}

/** Options of the scanners that talk to a service and are decided by the gate program (Anchore, Clair). */
export interface ServiceScannerOptions extends ImageScannerOptions {
  /**
   * The scanner's endpoint and credentials, as environment variables of the scan, each value a
   * sensitive reference such as a sensitive `TerraformVariable`'s `stringValue`; literal strings
   * are rejected. Names: `ANCHORECTL_URL`, `ANCHORECTL_USERNAME`, `ANCHORECTL_PASSWORD`,
   * `ANCHORECTL_ACCOUNT` (Anchore) or `CLAIR_API` (Clair).
   *
   * With values from Terraform variables, Terraform hides the scan's output (it holds sensitive
   * values) and stores them in the state of the gate's guard (its destroy-time scan can read
   * nothing else); set them in the environment of `cdktf deploy` instead to keep the output.
   * @default - taken from the environment of `cdktf deploy`
   */
  readonly environment?: { [name: string]: string };
  /**
   * The Node.js executable that runs the gate program.
   * @default "node"
   */
  readonly nodeExecutable?: string;
}

/** Options of `ImageScanner.anchore`. */
export interface AnchoreScannerOptions extends ServiceScannerOptions {
  /**
   * Also evaluate the image against the account's active Anchore policy
   * (`anchorectl image check <digest> --fail-based-on-results`); a policy result of "fail" fails the gate.
   * @default false
   */
  readonly policyCheck?: boolean;
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
    checkArgs('ImageScanner.grype', 'ImageScanner.grype', [options]);
    return new ImageScanner(ScannerKind.GRYPE, [ImageScanner.executable('ImageScanner.grype', options.executable, 'grype')]);
  }

  /**
   * Aqua Trivy: `trivy image --exit-code 1 --severity <threshold and above> <ref>`.
   *
   * Trivy has no "negligible" level; that threshold uses its lowest level, `UNKNOWN`, so every
   * finding fails.
   */
  public static trivy(options: ImageScannerOptions = {}): ImageScanner {
    checkArgs('ImageScanner.trivy', 'ImageScanner.trivy', [options]);
    return new ImageScanner(ScannerKind.TRIVY, [ImageScanner.executable('ImageScanner.trivy', options.executable, 'trivy')]);
  }

  /**
   * An Anchore service (Anchore Enterprise, or Anchore Engine's API) through `anchorectl`:
   *
   * 1. `anchorectl image add <ref> --wait`: submit the image and wait for its analysis;
   * 2. `anchorectl image vulnerabilities <digest> -o json`, decided by the gate program at the
   *    threshold (`cdktf-hybrid-scan-gate --format anchore`): any vulnerability at or above it, a
   *    failed command or a report that is not Anchore's JSON fails the gate;
   * 3. with `policyCheck`, `anchorectl image check <digest> --fail-based-on-results`.
   *
   * Endpoint and credentials: `ANCHORECTL_URL`, `ANCHORECTL_USERNAME`, `ANCHORECTL_PASSWORD` from
   * the deploy environment, or `environment` with sensitive references.
   */
  public static anchore(options: AnchoreScannerOptions = {}): ImageScanner {
    checkArgs('ImageScanner.anchore', 'ImageScanner.anchore', [options]);
    const where = 'ImageScanner.anchore';
    return new ImageScanner(ScannerKind.ANCHORE, [ImageScanner.executable(where, options.executable, 'anchorectl')],
      ImageScanner.environment(where, options.environment, ANCHORE_ENVIRONMENT), ImageScanner.node(where, options.nodeExecutable),
      options.policyCheck === true);
  }

  /**
   * Clair v4 through `clairctl report --out json <ref>`, decided by the gate program at the
   * threshold (`cdktf-hybrid-scan-gate --format clair`): `clairctl report` has no option to fail on
   * a severity, and prints `null` with exit status 0 when Clair cannot produce a report, so its
   * exit status alone never fails a deploy. Any vulnerability at or above the threshold, a failed
   * `clairctl` or output that is not a Clair vulnerability report fails the gate.
   *
   * Endpoint: `CLAIR_API` (the Clair API URL) from the deploy environment, or `environment`
   * with a sensitive reference.
   */
  public static clair(options: ServiceScannerOptions = {}): ImageScanner {
    checkArgs('ImageScanner.clair', 'ImageScanner.clair', [options]);
    const where = 'ImageScanner.clair';
    return new ImageScanner(ScannerKind.CLAIR, [ImageScanner.executable(where, options.executable, 'clairctl')],
      ImageScanner.environment(where, options.environment, CLAIR_ENVIRONMENT), ImageScanner.node(where, options.nodeExecutable));
  }

  /**
   * Any scanner CLI that exits non-zero to fail the deploy:
   * `ImageScanner.custom(['my-scanner', '--fail-on', '{severity}', '{image}'])`.
   *
   * `{image}` is replaced by the digest-pinned reference (required), `{severity}` by the
   * threshold in lower case (optional). Arguments are shell-quoted; literal `${` or `%{` would be
   * read by Terraform as a template and are rejected.
   *
   * @param argv the program and its arguments
   */
  public static custom(argv: string[]): ImageScanner {
    checkArgs('ImageScanner.custom', 'ImageScanner.custom', [argv]);
    const where = 'ImageScanner.custom';
    if (!Array.isArray(argv) || argv.length === 0 || argv.some((a) => typeof a !== 'string' || a.length === 0)) {
      throw invalid(where, 'argv', 'must be a non-empty list of non-empty strings', argv, 'Give the program and its arguments, e.g. ["my-scanner", "{image}"].');
    }
    if (!argv.some((a) => a.includes(IMAGE_PLACEHOLDER))) {
      throw invalid(where, 'argv', `has no ${IMAGE_PLACEHOLDER} placeholder`, argv, `Put ${IMAGE_PLACEHOLDER} where the image reference goes, e.g. ["my-scanner", "${IMAGE_PLACEHOLDER}"].`);
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

  private static node(where: string, given: string | undefined): string {
    const value = given ?? 'node';
    if (typeof value !== 'string' || !/^[A-Za-z0-9_./-]+$/.test(value)) {
      throw invalid(where, 'nodeExecutable', 'is not a program name or path', value, 'Use a name on PATH or an absolute path, e.g. "/usr/bin/node".');
    }
    return value;
  }

  private static environment(where: string, given: { [name: string]: string } | undefined, allowed: string[]): { [name: string]: string } {
    if (given === undefined) return {};
    if (typeof given !== 'object' || given === null || Array.isArray(given)) {
      throw invalid(where, 'environment', 'must be a map of variable names to sensitive references', given, `Use e.g. { ${allowed[0]}: endpoint.stringValue }.`);
    }
    const names = Object.keys(given).sort();
    for (const name of names) {
      if (!allowed.includes(name)) {
        throw invalid(where, `environment.${name}`, `is not a variable this scanner reads (${allowed.join(', ')})`, name, `Use ${allowed.join(', ')}.`);
      }
      // Endpoints and credentials never appear in cdk.tf.json: only references to sensitive values (or the deploy's environment).
      if (typeof given[name] !== 'string' || !Token.isUnresolved(given[name])) {
        throw invalid(where, `environment.${name}`, 'is a literal value, which would be written into cdk.tf.json', REDACTED,
          `Pass a sensitive TerraformVariable's stringValue, or leave it out and set ${name} in the environment of cdktf deploy.`);
      }
    }
    return Object.fromEntries(names.map((n) => [n, given[n]]));
  }

  /** Which scanner: `grype`, `trivy`, `anchore`, `clair` or `custom`. */
  public readonly scannerName: string;
  /** Names of the environment variables the scan gets from Terraform (values are sensitive references). */
  public readonly environmentVariableNames: string[];
  /** Whether the Anchore policy is evaluated as well (`ImageScanner.anchore({ policyCheck: true })`). */
  public readonly policyCheck: boolean;
  private readonly argvTemplate: string[];
  private readonly env: { [name: string]: string };
  private readonly nodeExecutable: string;

  private constructor(kind: ScannerKind, argvTemplate: string[], env: { [name: string]: string } = {}, nodeExecutable = 'node', policyCheck = false) {
    this.scannerName = kind;
    this.argvTemplate = argvTemplate;
    this.env = env;
    this.environmentVariableNames = Object.keys(env);
    this.nodeExecutable = nodeExecutable;
    this.policyCheck = policyCheck;
  }

  /**
   * The argument vector that decides the scan of `imageReference` at `threshold`. For Anchore and
   * Clair it runs the gate program by its npm bin name, `cdktf-hybrid-scan-gate`, as a pipeline
   * would; `ImageScanGate.commands` has every command the gate runs.
   *
   * @param imageReference the digest-pinned reference to scan
   * @param threshold fail at or above this severity
   */
  public argvFor(imageReference: string, threshold: ScanSeverity): string[] {
    const commands = this._commands(imageReference, threshold, [GATE_PROGRAM]);
    return commands[this.scannerName === ScannerKind.ANCHORE ? 1 : commands.length - 1];
  }

  /**
   * Every command of the scan, in order; all must succeed. `gateProgram` is how the gate program is run.
   * @internal
   */
  public _commands(imageReference: string, threshold: ScanSeverity, gateProgram: string[]): string[][] {
    const exe = this.argvTemplate[0];
    const digest = /@(sha256:[0-9a-f]{64})$/.exec(imageReference)?.[1] ?? imageReference;
    const decide = (format: string) => [...gateProgram, '--format', format, '--fail-on', threshold, '--image', imageReference, '--'];
    switch (this.scannerName) {
      case ScannerKind.GRYPE:
        return [[exe, `registry:${imageReference}`, '--fail-on', threshold]];
      case ScannerKind.TRIVY: {
        const levels = ORDER.slice(ORDER.indexOf(threshold)).map((s) => TRIVY_LEVEL[s]);
        return [[exe, 'image', '--exit-code', '1', '--severity', levels.join(','), imageReference]];
      }
      case ScannerKind.ANCHORE:
        return [
          [exe, 'image', 'add', imageReference, '--wait'],
          [...decide('anchore'), exe, 'image', 'vulnerabilities', digest, '-o', 'json'],
          ...(this.policyCheck ? [[exe, 'image', 'check', digest, '--fail-based-on-results']] : []),
        ];
      case ScannerKind.CLAIR:
        return [[...decide('clair'), exe, 'report', '--out', 'json', imageReference]];
      default:
        return [this.argvTemplate.map((a) => a.split(IMAGE_PLACEHOLDER).join(imageReference).split(SEVERITY_PLACEHOLDER).join(threshold))];
    }
  }

  /** @internal The environment the scan gets from Terraform (sensitive references), or undefined. */
  public get _environment(): { [name: string]: string } | undefined {
    return Object.keys(this.env).length > 0 ? { ...this.env } : undefined;
  }

  /** @internal Whether the scan runs the gate program (then `_gateProgram` says how). */
  public get _usesGateProgram(): boolean {
    return this.scannerName === ScannerKind.ANCHORE || this.scannerName === ScannerKind.CLAIR;
  }

  /** @internal The Node.js executable for the gate program. */
  public get _node(): string {
    return this.nodeExecutable;
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
 * A deploy-time vulnerability gate: scans the exact digest-pinned image and fails `cdktf deploy`
 * at or above a severity threshold, before a container runs the image, and before a running
 * container is replaced by one that runs a new digest.
 *
 * Two Terraform built-in `terraform_data` resources (no provider needed) carry it:
 *
 * - `Resource` runs the scan as a create-time `local-exec` provisioner. Its `triggers_replace`
 *   holds the reference, scanner, threshold and command, so a new digest (or scanner, or
 *   threshold) scans again; a container given this gate (`HardenedContainerProps.scanGate`)
 *   `depends_on` it, so it is created only after the scan passed.
 * - `Guard` exists once a container uses the gate. It `depends_on` those containers, so Terraform
 *   destroys it before it destroys or replaces any of them, and its destroy-time provisioner scans
 *   the digest of the current configuration when that differs from the one it was created for.
 *   A failed scan fails the destroy, so Terraform stops before the old container is touched: it
 *   keeps running. (Terraform destroys a replaced resource before it creates the new one, so
 *   without the guard the old container would be gone before `Resource` scanned the new digest.)
 *   When the digest did not change (e.g. `terraform destroy`), the guard scans nothing.
 *
 * The scanner (Grype by default, Trivy, Anchore, Clair, or a custom command) must be installed
 * where `cdktf deploy` runs, with network access to the registry and its vulnerability database
 * or service; Anchore and Clair also need Node.js, which runs the gate program
 * (`cdktf-hybrid-scan-gate`, copied into the synthesized stack as an asset).
 *
 * @see https://developer.hashicorp.com/terraform/language/resources/terraform-data
 * @see https://developer.hashicorp.com/terraform/language/resources/provisioners/syntax#destroy-time-provisioners
 */
export class ImageScanGate extends Construct {
  /** The `terraform_data` resource whose create-time provisioner scans the image. */
  public readonly resource: TerraformResource;
  /** The scanned, digest-pinned reference. */
  public readonly imageReference: string;
  /** The scanner. */
  public readonly scanner: ImageScanner;
  /** The threshold. */
  public readonly failOnSeverity: ScanSeverity;
  /** The argument vector that decides the scan (for Anchore and Clair: the gate program running the scanner). */
  public readonly argv: string[];
  /** Every command the scan runs, in order, each shell-quoted; all must succeed. */
  public readonly commands: string[];
  /** The shell command line (the commands joined with `&&`) that the provisioners run with `/bin/sh -c`. */
  public readonly command: string;
  private guardResource?: TerraformData;
  private readonly triggers: { [key: string]: string };

  constructor(scope: Construct, id: string, props: ImageScanGateProps) {
    checkConstruct(scope, id, 'ImageScanGate', [props]);
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
      throw invalid(this, 'scanner', 'must be an ImageScanner', props.scanner,
        'Use ImageScanner.grype(), ImageScanner.trivy(), ImageScanner.anchore(), ImageScanner.clair() or ImageScanner.custom([...]).');
    }
    this.scanner = props.scanner ?? ImageScanner.grype();
    this.imageReference = props.image.imageReference.reference;
    const gateProgram = this.scanner._usesGateProgram ? [this.scanner._node, gateProgramAsset(this).path] : [];
    const commands = this.scanner._commands(this.imageReference, this.failOnSeverity, gateProgram);
    this.argv = commands[this.scanner.scannerName === 'anchore' ? 1 : commands.length - 1];
    this.commands = commands.map((argv) => argv.map((a) => (Token.isUnresolved(a) ? a : shellQuote(a))).join(' '));
    this.command = this.commands.join(' && ');
    if (this.failOnSeverity === ScanSeverity.CRITICAL) {
      Annotations.of(this).addWarning("'failOnSeverity' is CRITICAL: images with known HIGH vulnerabilities pass the gate.");
    }

    this.triggers = {
      image: this.imageReference,
      scanner: this.scanner.scannerName,
      threshold: this.failOnSeverity,
      command: this.command,
    };
    const environment = this.scanner._environment;
    this.resource = new TerraformData(this, 'Resource', {
      triggersReplace: this.triggers,
      provisioners: [{
        type: 'local-exec',
        command: this.command,
        interpreter: ['/bin/sh', '-c'],
        environment,
      }],
    });
  }

  /**
   * The `terraform_data` resource whose destroy-time provisioner scans a new digest before the
   * containers using this gate are destroyed or replaced.
   * @default - none until a container uses the gate
   */
  public get guard(): TerraformResource | undefined {
    return this.guardResource;
  }

  /**
   * Makes `container` wait, before Terraform destroys or replaces it, for a passing scan of the
   * digest in the configuration. Called by `HardenedContainer`.
   * @internal
   */
  public _guard(container: TerraformResource): void {
    // Cases Terraform cannot express are refused here, at synth, instead of leaving the container unguarded.
    if (TerraformStack.of(container) !== TerraformStack.of(this)) {
      throw invalid(container.node.scope ?? container, 'scanGate', `is in stack "${TerraformStack.of(this).node.id}", the container in stack "${TerraformStack.of(container).node.id}": `
        + 'depends_on cannot cross stacks, so neither the scan before creation nor the guard before replacement could be ordered', this.node.path,
        'Create the TrustedImage and its ImageScanGate in the stack of the container.');
    }
    if (this.commands.some((c) => Token.isUnresolved(c))) {
      throw invalid(container.node.scope ?? container, 'scanGate', 'runs a scan command that refers to Terraform values, which the guard\'s destroy-time scan cannot read '
        + '(a destroy-time provisioner may refer to nothing but itself)', this.command,
      'Give the scanner literal arguments and pass endpoints and credentials through its environment (ImageScanner.anchore/clair environment, or the environment of cdktf deploy).');
    }
    if (!this.guardResource) {
      const environment = this.scanner._environment;
      // A destroy-time provisioner may refer to nothing but `self`: the configured reference and
      // command are literals of this (the current) configuration, the recorded one is the state's.
      const command = `if [ ${shellQuote(this.imageReference)} != '\${self.triggers_replace.image}' ]; then ${this.command}; fi`;
      this.guardResource = new TerraformData(this, 'Guard', {
        triggersReplace: this.triggers,
        input: environment,
        provisioners: [{
          type: 'local-exec',
          when: 'destroy',
          command,
          interpreter: ['/bin/sh', '-c'],
          // The environment can only come from the guard's own state (`self`).
          environment: environment ? '${self.input}' as unknown as { [key: string]: string } : undefined,
        }],
      });
    }
    this.guardResource.dependsOn = [...(this.guardResource.dependsOn ?? []), dependable(container)];
  }
}

/** The gate program, copied once per stack into the synthesized stack directory. */
function gateProgramAsset(scope: Construct): TerraformAsset {
  const stack = TerraformStack.of(scope);
  const id = 'CdktfHybridScanGateProgram';
  return (stack.node.tryFindChild(id) as TerraformAsset | undefined) ?? new TerraformAsset(stack, id, { path: GATE_PROGRAM_FILE, type: AssetType.FILE });
}
