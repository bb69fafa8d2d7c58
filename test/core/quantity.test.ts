import * as fc from 'fast-check';
import { Cpu, Errors, Size } from '../../lib';

const FORMAT = /^(Cpu|Size)\.[a-zA-Z]+: value: .+ \(got .+\)\. .+$/s;

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    expect(Errors.isValidationError(e)).toBe(true);
    return e as Error;
  }
  throw new Error('expected a ValidationError');
}

describe('Cpu', () => {
  test.each([
    ['500m', 500], ['1', 1000], ['1.5', 1500], ['0.25', 250], ['2000m', 2000], ['0.001', 1], ['1e-3', 1], ['2e0', 2000], ['.5', 500], ['16', 16000],
  ])('parses %s as %d millicores', (text, millicores) => {
    expect(Cpu.parse(text).inMillicores).toBe(millicores);
  });

  test('converts exactly to each provider unit', () => {
    const half = Cpu.parse('500m');
    expect(half.toKubernetesQuantity()).toBe('500m');
    expect(half.toDockerCpus()).toBe('0.5');
    expect(half.toDockerCpuShares()).toBe(512);
    const two = Cpu.cores(2);
    expect(two.toKubernetesQuantity()).toBe('2');
    expect(two.toDockerCpus()).toBe('2');
    expect(two.toDockerCpuShares()).toBe(2048);
    expect(two.toVsphereNumCpus()).toBe(2);
    expect(Cpu.millicores(1250).toDockerCpus()).toBe('1.25');
    expect(Cpu.millicores(1005).toDockerCpus()).toBe('1.005');
    expect(Cpu.millicores(1).toDockerCpuShares()).toBe(2);
    expect(Cpu.cores(0.1).inMillicores).toBe(100);
    expect(Cpu.parse('1500m').inCores).toBe(1.5);
    expect(half.toDockerCpuQuota()).toBe(50000);
    expect(two.toDockerCpuQuota()).toBe(200000);
    expect(Cpu.millicores(10).toDockerCpuQuota()).toBe(1000);
    expect(Cpu.millicores(333).toDockerCpuQuota(1000)).toBe(333);
  });

  test('fails on a CFS period outside 1000-1000000 µs', () => {
    expect(errorOf(() => Cpu.cores(1).toDockerCpuQuota(999)).message).toMatch(/^Cpu.toDockerCpuQuota: periodMicros: must be a whole number from 1000 to 1000000 \(got 999\)/);
  });

  test('fails to give a VM a fractional vCPU', () => {
    expect(errorOf(() => Cpu.parse('1500m').toVsphereNumCpus()).message).toMatch(/Cpu.toVsphereNumCpus: value: is not a whole number of vCPUs \(got "1500m"\)/);
  });

  test.each(['', 'abc', '-1', '0', '0m', '1Gi', '0.5m', '1.2.3', '1 ', 'm', '1e', '1x', '100u', `${'9'.repeat(30)}`])('fails on %j', (text) => {
    expect(errorOf(() => Cpu.parse(text)).message).toMatch(FORMAT);
  });

  test.each([0, -1, 0.5, NaN, Infinity])('fails on millicores(%p)', (n) => {
    expect(errorOf(() => Cpu.millicores(n)).message).toMatch(/^Cpu.millicores: value: /);
  });

  test('isAtMost compares', () => {
    expect(Cpu.parse('500m').isAtMost(Cpu.parse('0.5'))).toBe(true);
    expect(Cpu.parse('501m').isAtMost(Cpu.parse('0.5'))).toBe(false);
  });

  test('property: parse never throws anything but ValidationError, and round-trips', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9.]{0,6}(m|k|Mi|e[0-9])?$/)), (text) => {
      try {
        const cpu = Cpu.parse(text);
        expect(Cpu.parse(cpu.toKubernetesQuantity()).inMillicores).toBe(cpu.inMillicores);
      } catch (e) {
        expect(Errors.isValidationError(e)).toBe(true);
      }
    }), { numRuns: 2000 });
  });
});

describe('Size', () => {
  const MiB = 1024 * 1024;
  test.each([
    ['512Mi', 512 * MiB], ['2Gi', 2048 * MiB], ['1G', 1e9], ['1.5Gi', 1536 * MiB], ['1048576', MiB], ['128974848', 123 * MiB],
    ['129e6', 129e6], ['129M', 129e6], ['123Mi', 123 * MiB], ['1Ki', 1024], ['1k', 1000], ['0.5Ki', 512], ['1Ti', 1024 * 1024 * MiB],
  ])('parses %s as %d bytes', (text, bytes) => {
    expect(Size.parse(text).inBytes).toBe(bytes);
  });

  test('converts exactly to each provider unit', () => {
    const size = Size.parse('2Gi');
    expect(size.toKubernetesQuantity()).toBe('2Gi');
    expect(size.toDockerMemoryMb()).toBe(2048);
    expect(size.toVsphereMemoryMb()).toBe(2048);
    expect(size.toGibibytes()).toBe(2);
    expect(Size.parse('1536Mi').toKubernetesQuantity()).toBe('1536Mi');
    expect(Size.parse('1.5Gi').toKubernetesQuantity()).toBe('1536Mi');
    expect(Size.parse('1G').toKubernetesQuantity()).toBe('1000000000');
    expect(Size.mebibytes(512).toKubernetesQuantity()).toBe('512Mi');
    expect(Size.gibibytes(40).toGibibytes()).toBe(40);
    expect(Size.kibibytes(3).inBytes).toBe(3072);
    expect(Size.bytes(1000).toKubernetesQuantity()).toBe('1000');
    expect(Size.parse('1.5Gi').inMebibytes).toBe(1536);
  });

  test('fails to convert a size that is not whole MiB (1G is 953.67 MiB)', () => {
    expect(errorOf(() => Size.parse('1G').toDockerMemoryMb()).message)
      .toBe('Size.toMebibytes: value: is not a whole number of MiB (953.67 MiB) (got "1000000000"). Give sizes for Docker and vSphere in Mi or Gi, e.g. "512Mi" or "2Gi".');
    expect(errorOf(() => Size.parse('1536Mi').toGibibytes()).message).toMatch(/^Size.toGibibytes: value: is not a whole number of GiB/);
  });

  test.each(['', 'Mi', '-512Mi', '0', '0Gi', '512MB', '512mi', '1.5', '1m', '2 Gi', '1Zi', '0.3Ki', `${'9'.repeat(20)}Ei`])('fails on %j', (text) => {
    expect(errorOf(() => Size.parse(text)).message).toMatch(FORMAT);
  });

  test.each([0, -5, 0.5e-9, NaN])('fails on mebibytes(%p)', (n) => {
    expect(errorOf(() => Size.mebibytes(n)).message).toMatch(/^Size.mebibytes: value: /);
  });

  test('property: parse never throws anything but ValidationError, and round-trips', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[0-9.]{0,8}(Ki|Mi|Gi|k|M|G|m|e[0-9]{1,2})?$/)), (text) => {
      try {
        const size = Size.parse(text);
        expect(Size.parse(size.toKubernetesQuantity()).inBytes).toBe(size.inBytes);
      } catch (e) {
        expect(Errors.isValidationError(e)).toBe(true);
      }
    }), { numRuns: 2000 });
  });
});
