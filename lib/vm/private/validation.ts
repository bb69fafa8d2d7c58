import { ErrorScope, invalid } from '../../core/private/errors';
import { checkIntegerRange, isUnresolved } from '../../core/private/validation';
import { Firmware, GuestOsFamily, VmDiskSpec, VmSpec } from '../vm-spec';

/** Largest memory any supported hypervisor gives one VM: 24 TiB (vSphere 8, hardware version 17+). */
export const MAX_MEMORY_MIB = 24 * 1024 * 1024;
/** Largest vCPU count (vSphere 8). */
export const MAX_CPUS = 768;
/** Largest virtual disk, 62 TiB (VMFS / vSAN). */
export const MAX_DISK_GIB = 62 * 1024;
/** The disk a spec gets when it lists none. */
export const DEFAULT_DISK: VmDiskSpec = { label: 'disk0', sizeGiB: 40, thinProvisioned: true };

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;

/**
 * Validates a `VmSpec` the same way for every hypervisor backend and returns it with its
 * defaults resolved. `prop` is the prop the spec came in (usually `spec`).
 */
export function resolveVmSpec(scope: ErrorScope, prop: string, spec: VmSpec): VmSpec {
  if (spec === undefined || spec === null || typeof spec !== 'object') {
    throw invalid(scope, prop, 'is required', spec, 'Pass a VmSpec with at least name, cpus and memoryMiB.');
  }
  if (!isUnresolved(spec.name) && (typeof spec.name !== 'string' || spec.name.length < 1 || spec.name.length > 80 || /[/\\%]/.test(spec.name))) {
    throw invalid(scope, `${prop}.name`, 'must be 1-80 characters without "/", "\\" or "%"', spec.name, 'Use a short name such as "db-01".');
  }
  checkIntegerRange(scope, `${prop}.cpus`, spec.cpus, 1, MAX_CPUS, `Give 1 to ${MAX_CPUS} vCPUs.`);
  const coresPerSocket = spec.coresPerSocket ?? 1;
  checkIntegerRange(scope, `${prop}.coresPerSocket`, coresPerSocket, 1, MAX_CPUS);
  if (!isUnresolved(spec.cpus) && !isUnresolved(coresPerSocket) && spec.cpus % coresPerSocket !== 0) {
    throw invalid(scope, `${prop}.coresPerSocket`, `must divide cpus (${spec.cpus})`, coresPerSocket,
      `Use a divisor of ${spec.cpus}, e.g. 1 or ${spec.cpus}.`);
  }
  if (!isUnresolved(spec.memoryMiB)) {
    if (typeof spec.memoryMiB !== 'number' || !Number.isInteger(spec.memoryMiB) || spec.memoryMiB < 4 || spec.memoryMiB > MAX_MEMORY_MIB) {
      throw invalid(scope, `${prop}.memoryMiB`, `must be a whole number from 4 to ${MAX_MEMORY_MIB}`, spec.memoryMiB,
        'Give the memory in MiB, e.g. 8192 for 8 GiB.');
    }
    if (spec.memoryMiB % 4 !== 0) {
      throw invalid(scope, `${prop}.memoryMiB`, 'must be a multiple of 4 MiB', spec.memoryMiB,
        `Round it to ${Math.round(spec.memoryMiB / 4) * 4}.`);
    }
  }
  const firmware = spec.firmware ?? Firmware.EFI;
  if (!Object.values(Firmware).includes(firmware)) {
    throw invalid(scope, `${prop}.firmware`, 'is not a known firmware', firmware, 'Use Firmware.EFI or Firmware.BIOS.');
  }
  const guestOsFamily = spec.guestOsFamily ?? GuestOsFamily.LINUX;
  if (!Object.values(GuestOsFamily).includes(guestOsFamily)) {
    throw invalid(scope, `${prop}.guestOsFamily`, 'is not a known guest OS family', guestOsFamily, 'Use GuestOsFamily.LINUX or GuestOsFamily.WINDOWS.');
  }

  const disks = (spec.disks ?? [DEFAULT_DISK]).map((d) => ({ ...d, thinProvisioned: d.thinProvisioned ?? true }));
  if (disks.length === 0) {
    throw invalid(scope, `${prop}.disks`, 'must list at least one disk', disks, 'Add the boot disk, e.g. { label: "disk0", sizeGiB: 40 }.');
  }
  const labels = new Set<string>();
  disks.forEach((disk, i) => {
    const p = `${prop}.disks[${i}]`;
    if (typeof disk.label !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/.test(disk.label)) {
      throw invalid(scope, `${p}.label`, 'must be 1-80 letters, digits, "_", "." or "-"', disk.label, 'Use a label such as "disk0" or "data".');
    }
    if (labels.has(disk.label)) {
      throw invalid(scope, `${p}.label`, 'is used by another disk', disk.label, 'Give every disk a unique label.');
    }
    labels.add(disk.label);
    if (!isUnresolved(disk.sizeGiB) && (typeof disk.sizeGiB !== 'number' || disk.sizeGiB <= 0)) {
      throw invalid(scope, `${p}.sizeGiB`, 'must be greater than 0', disk.sizeGiB, 'Give the size in GiB, e.g. 40.');
    }
    checkIntegerRange(scope, `${p}.sizeGiB`, disk.sizeGiB, 1, MAX_DISK_GIB, `Give a whole number of GiB up to ${MAX_DISK_GIB} (62 TiB).`);
  });

  const networks = spec.networks ?? [];
  if (networks.length > 10) {
    throw invalid(scope, `${prop}.networks`, 'has more than 10 adapters', networks.length, 'Use at most 10 network adapters.');
  }
  networks.forEach((net, i) => {
    const p = `${prop}.networks[${i}]`;
    if (typeof net.networkId !== 'string' || net.networkId.length === 0) {
      throw invalid(scope, `${p}.networkId`, 'is required', net.networkId, 'Pass the network id, e.g. portGroup.portGroupId.');
    }
    if (net.ipv4Address !== undefined && !isUnresolved(net.ipv4Address) && !IPV4.test(net.ipv4Address)) {
      throw invalid(scope, `${p}.ipv4Address`, 'is not an IPv4 address', net.ipv4Address, 'Write it as four dotted numbers, e.g. "10.0.10.21".');
    }
    if (net.ipv4Address !== undefined && net.ipv4PrefixLength === undefined) {
      throw invalid(scope, `${p}.ipv4PrefixLength`, 'is required with ipv4Address', net.ipv4PrefixLength, 'Add the prefix length, e.g. 24.');
    }
    if (net.ipv4PrefixLength !== undefined) {
      checkIntegerRange(scope, `${p}.ipv4PrefixLength`, net.ipv4PrefixLength, 1, 32);
    }
  });

  if (spec.cloudInitUserData !== undefined && !isUnresolved(spec.cloudInitUserData)
    && (typeof spec.cloudInitUserData !== 'string' || !/^(#cloud-config|#!|#include|Content-Type:)/.test(spec.cloudInitUserData.trimStart()))) {
    throw invalid(scope, `${prop}.cloudInitUserData`, 'is not cloud-init user data', '<user data>',
      'Start it with "#cloud-config" (or "#!" for a script).');
  }

  return { ...spec, coresPerSocket, firmware, guestOsFamily, disks, networks };
}
