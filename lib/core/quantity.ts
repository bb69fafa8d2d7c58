import { invalid } from './private/errors';
import { checkArgs } from './private/shapes';

// Kubernetes quantity grammar (k8s.io/apimachinery/pkg/api/resource/quantity.go), unsigned:
// <digits>[.<digits>] followed by a binary-SI suffix, a decimal-SI suffix or a decimal exponent.
const QUANTITY = /^([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]{1,3})?$/;
const BINARY: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const DECIMAL_EXPONENT: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/** An exact rational number `numerator / 10^scale`. */
interface Decimal { readonly numerator: bigint; readonly scale: number }

/** Parses a quantity into `value × unit`, exactly, or returns a reason it is malformed. */
function parseQuantity(text: string): { value: Decimal; multiplier: bigint; exponent: number } | string {
  if (typeof text !== 'string') return 'is not a string';
  const match = QUANTITY.exec(text);
  if (!match) return 'is not a Kubernetes quantity';
  const [, number, suffix = ''] = match;
  const [whole, fraction = ''] = number.split('.');
  const value: Decimal = { numerator: BigInt(`${whole || '0'}${fraction}`), scale: fraction.length };
  if (suffix in BINARY) return { value, multiplier: BINARY[suffix], exponent: 0 };
  if (suffix in DECIMAL_EXPONENT) return { value, multiplier: 1n, exponent: DECIMAL_EXPONENT[suffix] };
  return { value, multiplier: 1n, exponent: Number(suffix.slice(1)) };
}

/** `value × multiplier × 10^exponent × 10^extraExponent` as an integer, or undefined if not whole. */
function toWhole(q: { value: Decimal; multiplier: bigint; exponent: number }, extraExponent: number): bigint | undefined {
  let numerator = q.value.numerator * q.multiplier;
  let denominatorPower = q.value.scale - q.exponent - extraExponent;
  if (denominatorPower <= 0) return numerator * 10n ** BigInt(-denominatorPower);
  const denominator = 10n ** BigInt(denominatorPower);
  if (numerator % denominator !== 0n) return undefined;
  numerator /= denominator;
  denominatorPower = 0;
  return numerator;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * A CPU amount, held exactly in millicores.
 *
 * Converts to each provider's unit: Kubernetes quantity strings (`"500m"`, `"2"`), Docker
 * `cpus` (`"0.5"`) and `cpu_shares` (1024 per core), vSphere `num_cpus` (whole vCPUs).
 */
export class Cpu {
  /** A CPU amount in millicores (1000 = one core). */
  public static millicores(millicores: number): Cpu {
    checkArgs('Cpu.millicores', 'Cpu.millicores', [millicores]);
    if (!Number.isSafeInteger(millicores) || millicores <= 0) {
      throw invalid('Cpu.millicores', 'value', 'must be a positive whole number of millicores', millicores, 'Use e.g. 250 for a quarter core.');
    }
    return new Cpu(millicores);
  }

  /** A CPU amount in cores; fractions down to a millicore (`0.25`, `1.5`). */
  public static cores(cores: number): Cpu {
    checkArgs('Cpu.cores', 'Cpu.cores', [cores]);
    const millicores = Math.round(cores * 1000);
    if (!Number.isFinite(cores) || cores <= 0 || millicores < 1 || Math.abs(millicores - cores * 1000) > 1e-6 || !Number.isSafeInteger(millicores)) {
      throw invalid('Cpu.cores', 'value', 'must be a positive number of cores with at most 3 decimals', cores, 'Use e.g. 0.5 or 2.');
    }
    return new Cpu(millicores);
  }

  /**
   * Parses a Kubernetes CPU quantity: `"500m"`, `"0.5"`, `"2"`, `"1.5"`.
   */
  public static parse(quantity: string): Cpu {
    checkArgs('Cpu.parse', 'Cpu.parse', [quantity]);
    const parsed = parseQuantity(quantity);
    if (typeof parsed === 'string' || parsed.multiplier !== 1n) {
      throw invalid('Cpu.parse', 'value', typeof parsed === 'string' ? parsed : 'uses a binary suffix, which CPU does not take', quantity,
        'Write CPU as cores ("2", "0.5") or millicores ("500m").');
    }
    const millicores = toWhole(parsed, 3);
    if (millicores === undefined) {
      throw invalid('Cpu.parse', 'value', 'is finer than one millicore', quantity, 'Round to whole millicores, e.g. "1m" or "0.001".');
    }
    if (millicores <= 0n || millicores > MAX_SAFE) {
      throw invalid('Cpu.parse', 'value', millicores <= 0n ? 'must be greater than zero' : 'is too large', quantity, 'Use a positive amount such as "250m" or "4".');
    }
    return new Cpu(Number(millicores));
  }

  /** The amount in millicores. */
  public readonly inMillicores: number;

  private constructor(millicores: number) {
    this.inMillicores = millicores;
  }

  /** The amount in cores (may be fractional). */
  public get inCores(): number {
    return this.inMillicores / 1000;
  }

  /** Kubernetes quantity: whole cores as `"2"`, anything else as millicores `"1500m"`. */
  public toKubernetesQuantity(): string {
    return this.inMillicores % 1000 === 0 ? String(this.inMillicores / 1000) : `${this.inMillicores}m`;
  }

  /** Docker `cpus` (a decimal string of cores): `"0.5"`, `"2"`. */
  public toDockerCpus(): string {
    const whole = Math.floor(this.inMillicores / 1000);
    const fraction = this.inMillicores % 1000;
    return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(3, '0').replace(/0+$/, '')}`;
  }

  /**
   * Docker `cpu_quota` in microseconds of CPU time per `cpu_period` (a hard limit): 500m with the
   * default 100 000 µs period → 50 000. Prefer this over `cpus`, which kreuzwerker/docker 3.6.2
   * cannot apply (provider issue #759). Exact for any period that is a multiple of 1000 µs.
   *
   * @param periodMicros the CFS period, 1000-1000000 µs
   * @default periodMicros 100000
   */
  public toDockerCpuQuota(periodMicros: number = 100000): number {
    if (!Number.isInteger(periodMicros) || periodMicros < 1000 || periodMicros > 1000000) {
      throw invalid('Cpu.toDockerCpuQuota', 'periodMicros', 'must be a whole number from 1000 to 1000000', periodMicros, 'Use Docker\'s default period, 100000.');
    }
    return Math.round((this.inMillicores * periodMicros) / 1000);
  }

  /** Docker `cpu_shares`: the relative weight, 1024 per core (0.5 core → 512). At least 2, Docker's minimum. */
  public toDockerCpuShares(): number {
    return Math.max(2, Math.round((this.inMillicores * 1024) / 1000));
  }

  /**
   * vSphere `num_cpus`: whole vCPUs only. Throws when the amount is fractional, because a VM
   * cannot have half a vCPU.
   */
  public toVsphereNumCpus(): number {
    if (this.inMillicores % 1000 !== 0) {
      throw invalid('Cpu.toVsphereNumCpus', 'value', 'is not a whole number of vCPUs', this.toKubernetesQuantity(), 'Give VMs whole cores, e.g. Cpu.cores(2).');
    }
    return this.inMillicores / 1000;
  }

  /** True when this amount is no larger than `other`. */
  public isAtMost(other: Cpu): boolean {
    return this.inMillicores <= other.inMillicores;
  }

  /** The Kubernetes quantity. */
  public toString(): string {
    return this.toKubernetesQuantity();
  }
}

const MIB = 1024 * 1024;

/**
 * An amount of memory or storage, held exactly in bytes.
 *
 * Converts to each provider's unit: Kubernetes quantity strings (`"512Mi"`, `"2Gi"`), Docker
 * `memory` (MiB, which the provider documents as "MB"), vSphere `memory` (MiB) and disk sizes (GiB).
 * Conversions that would have to round (e.g. `"1G"` is 953.67 MiB) throw instead of losing precision.
 */
export class Size {
  /** An amount in bytes. */
  public static bytes(bytes: number): Size {
    checkArgs('Size.bytes', 'Size.bytes', [bytes]);
    return Size.checked(bytes, 1, 'Size.bytes', 'bytes');
  }

  /** An amount in KiB (1024 bytes). */
  public static kibibytes(kibibytes: number): Size {
    checkArgs('Size.kibibytes', 'Size.kibibytes', [kibibytes]);
    return Size.checked(kibibytes, 1024, 'Size.kibibytes', 'KiB');
  }

  /** An amount in MiB (1024² bytes). */
  public static mebibytes(mebibytes: number): Size {
    checkArgs('Size.mebibytes', 'Size.mebibytes', [mebibytes]);
    return Size.checked(mebibytes, MIB, 'Size.mebibytes', 'MiB');
  }

  /** An amount in GiB (1024³ bytes). */
  public static gibibytes(gibibytes: number): Size {
    checkArgs('Size.gibibytes', 'Size.gibibytes', [gibibytes]);
    return Size.checked(gibibytes, MIB * 1024, 'Size.gibibytes', 'GiB');
  }

  /**
   * Parses a Kubernetes memory or storage quantity: `"512Mi"`, `"2Gi"`, `"1G"`, `"1.5Gi"`, `"1048576"`.
   */
  public static parse(quantity: string): Size {
    checkArgs('Size.parse', 'Size.parse', [quantity]);
    const parsed = parseQuantity(quantity);
    if (typeof parsed === 'string') {
      throw invalid('Size.parse', 'value', parsed, quantity, 'Write sizes like "512Mi", "2Gi" or "1G" (binary suffixes Ki/Mi/Gi/Ti, decimal k/M/G/T).');
    }
    const bytes = toWhole(parsed, 0);
    if (bytes === undefined) {
      throw invalid('Size.parse', 'value', 'is not a whole number of bytes', quantity, 'Use a larger unit or fewer decimals, e.g. "1536Mi" instead of "1.4999Gi".');
    }
    if (bytes <= 0n || bytes > MAX_SAFE) {
      throw invalid('Size.parse', 'value', bytes <= 0n ? 'must be greater than zero' : 'is too large', quantity, 'Use a positive size up to 8 PiB.');
    }
    return new Size(Number(bytes));
  }

  private static checked(amount: number, unit: number, where: string, unitName: string): Size {
    const bytes = amount * unit;
    if (!Number.isFinite(amount) || amount <= 0 || !Number.isSafeInteger(bytes)) {
      throw invalid(where, 'value', 'must be a positive amount that is a whole number of bytes', amount, `Give the size in ${unitName}, e.g. 512.`);
    }
    return new Size(bytes);
  }

  /** The amount in bytes. */
  public readonly inBytes: number;

  private constructor(bytes: number) {
    this.inBytes = bytes;
  }

  /** The amount in MiB (may be fractional). */
  public get inMebibytes(): number {
    return this.inBytes / MIB;
  }

  /** True when the amount is a whole number of MiB. */
  public get isWholeMebibytes(): boolean {
    return this.inBytes % MIB === 0;
  }

  /**
   * Kubernetes quantity in the largest binary unit that keeps it whole (`"2Gi"`, `"1536Mi"`),
   * or plain bytes when no binary unit does.
   */
  public toKubernetesQuantity(): string {
    const units: Array<[string, number]> = [['Ti', MIB * MIB], ['Gi', MIB * 1024], ['Mi', MIB], ['Ki', 1024]];
    for (const [suffix, size] of units) {
      if (this.inBytes % size === 0) return `${this.inBytes / size}${suffix}`;
    }
    return String(this.inBytes);
  }

  /** Whole MiB; throws when the amount is not a whole number of MiB. */
  public toMebibytes(): number {
    if (!this.isWholeMebibytes) {
      throw invalid('Size.toMebibytes', 'value', `is not a whole number of MiB (${this.inMebibytes.toFixed(2)} MiB)`, this.toKubernetesQuantity(),
        'Give sizes for Docker and vSphere in Mi or Gi, e.g. "512Mi" or "2Gi".');
    }
    return this.inBytes / MIB;
  }

  /** Whole GiB; throws when the amount is not a whole number of GiB. */
  public toGibibytes(): number {
    if (this.inBytes % (MIB * 1024) !== 0) {
      throw invalid('Size.toGibibytes', 'value', 'is not a whole number of GiB', this.toKubernetesQuantity(), 'Give disk sizes in Gi, e.g. "40Gi".');
    }
    return this.inBytes / (MIB * 1024);
  }

  /** Docker `memory` / `memory_swap`: the provider's "MB" are MiB (it multiplies by 1024²). */
  public toDockerMemoryMb(): number {
    return this.toMebibytes();
  }

  /** vSphere `memory`: MiB. */
  public toVsphereMemoryMb(): number {
    return this.toMebibytes();
  }

  /** True when this amount is no larger than `other`. */
  public isAtMost(other: Size): boolean {
    return this.inBytes <= other.inBytes;
  }

  /** The Kubernetes quantity. */
  public toString(): string {
    return this.toKubernetesQuantity();
  }
}
