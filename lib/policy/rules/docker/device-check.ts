// Shared device check of DOCKER-NO-HOST-DEVICES and PT-DOCKER-GPU.
import { findAll, isUnresolved } from '../../private/attributes';
import { isGpuDevice, normalizeHostPath } from '../private/docker';
import { Findings } from '../private/rule-kit';

/**
 * Fails every `devices[]` entry selected by `gpu` (GPU nodes or all others) unless its host path
 * is allow-listed and its permissions are set without `m` (the provider default is "rwm").
 */
export function checkDevices(attributes: Record<string, any>, findings: Findings, allowed: string[], gpu: boolean, ruleHint: string): void {
  if (typeof attributes.devices === 'string' && isUnresolved(attributes.devices)) return findings.unknown('devices', attributes.devices);
  for (const device of findAll(attributes, 'devices')) {
    const d = device.value as Record<string, any>;
    if (typeof d !== 'object' || d === null) continue;
    if (isUnresolved(d.host_path)) {
      findings.unknown(`${device.path}.host_path`, d.host_path);
      continue;
    }
    const hostPath = normalizeHostPath(String(d.host_path ?? ''));
    if (isGpuDevice(hostPath) !== gpu) continue;
    if (!allowed.includes(hostPath)) {
      findings.fail(`${device.path}.host_path`, d.host_path, `remove this device, or allow-list ${hostPath} (${ruleHint}) with permissions "r" or "rw"`, `device=${hostPath}`);
      continue;
    }
    if (isUnresolved(d.permissions)) findings.unknown(`${device.path}.permissions`, d.permissions);
    else if (typeof d.permissions !== 'string' || d.permissions === '' || d.permissions.toLowerCase().includes('m')) {
      findings.fail(`${device.path}.permissions`, d.permissions, 'set permissions = "r" or "rw" (never "m"; unset means "rwm")', `device=${hostPath}`);
    }
  }
}

/** Normalised allow-list entries. */
export function normalizeDevices(paths: string[] | undefined): string[] {
  return (paths ?? []).map(normalizeHostPath);
}
