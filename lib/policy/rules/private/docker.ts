// Readers for docker_container attributes shared by several Docker rules.
import * as path from 'path';
import { blocksOf, isUnresolved } from '../../private/attributes';
import { Findings, stringList } from './rule-kit';

/** One `security_opts` entry, split into option name and value (`apparmor=unconfined` → apparmor / unconfined). */
export interface SecurityOption {
  readonly name: string;
  readonly value: string;
  readonly raw: string;
  readonly path: string;
}

/**
 * The literal `security_opts` entries; unresolved entries are recorded as unknown. Docker accepts
 * both `name=value` and the legacy `name:value`; names and values are compared in lower case.
 */
export function securityOptions(attributes: Record<string, any>, findings: Findings): SecurityOption[] {
  const list = stringList(attributes.security_opts);
  if (list.unresolved) {
    findings.unknown('security_opts', attributes.security_opts);
    return [];
  }
  const options: SecurityOption[] = [];
  for (const item of list.items) {
    const itemPath = `security_opts[${item.index}]`;
    if (item.unresolved) {
      findings.unknown(itemPath, item.value);
      continue;
    }
    const raw = item.value.trim();
    const cut = raw.search(/[=:]/);
    const name = (cut < 0 ? raw : raw.slice(0, cut)).toLowerCase();
    const value = (cut < 0 ? '' : raw.slice(cut + 1)).toLowerCase();
    options.push({ name, value, raw, path: itemPath });
  }
  return options;
}

/**
 * Fails `security_opts` entries `<name>=<forbidden>` and, when `required` is given, the absence of
 * `<name>=<required>` (unless an entry is only known at apply). With `addOnRemove` the fix of a
 * forbidden entry also names the required one.
 */
export function checkSecurityOption(attributes: Record<string, any>, findings: Findings, name: string, forbidden: string, required: string | undefined, addOnRemove: boolean): void {
  const entries = securityOptions(attributes, findings).filter((o) => o.name === name);
  const add = required ? `"${name}=${required}"` : undefined;
  for (const entry of entries) {
    if (entry.value === forbidden) findings.fail(entry.path, entry.raw, `remove "${entry.raw}"${add && addOnRemove ? ` and add ${add}` : ''}`);
  }
  if (add && !entries.some((o) => o.value === required) && findings.unknowns.length === 0) {
    findings.fail('security_opts', attributes.security_opts, `add ${add} to security_opts`);
  }
}

/** A host path a container mounts: a bind mount's `source` or a volume's `host_path`. */
export interface HostMount {
  /** The host path as written. */
  readonly source: string;
  /** Normalised absolute form (`/etc/`, `/etc/./` → `/etc`). */
  readonly normalized: string;
  /** Attribute path of the source. */
  readonly path: string;
  /** The mount's read-only flag as written. */
  readonly readOnly: unknown;
}

/**
 * Every host path mounted into the container (`mounts[]` of type `bind`, `volumes[].host_path`).
 * Unresolved sources, types and whole blocks are recorded as unknown.
 */
export function hostMounts(attributes: Record<string, any>, findings: Findings): HostMount[] {
  const mounts: HostMount[] = [];
  for (const block of ['mounts', 'volumes']) {
    if (typeof attributes[block] === 'string' && isUnresolved(attributes[block])) {
      findings.unknown(block, attributes[block]);
      continue;
    }
  }
  for (const mount of blocksOf(attributes, 'mounts')) {
    const m = mount.value as Record<string, any>;
    if (typeof m !== 'object' || m === null) continue;
    if (isUnresolved(m.type)) {
      if (m.source !== undefined) findings.unknown(`${mount.path}.type`, m.type);
      continue;
    }
    if (String(m.type ?? '').toLowerCase() !== 'bind') continue;
    pushSource(mounts, findings, m.source, `${mount.path}.source`, m.read_only);
  }
  for (const volume of blocksOf(attributes, 'volumes')) {
    const v = volume.value as Record<string, any>;
    if (typeof v !== 'object' || v === null || v.host_path === undefined) continue;
    pushSource(mounts, findings, v.host_path, `${volume.path}.host_path`, v.read_only);
  }
  return mounts;
}

function pushSource(mounts: HostMount[], findings: Findings, source: unknown, sourcePath: string, readOnly: unknown): void {
  if (source === undefined || source === null || source === '') return;
  if (isUnresolved(source)) {
    findings.unknown(sourcePath, source);
    return;
  }
  const text = String(source);
  mounts.push({ source: text, normalized: normalizeHostPath(text), path: sourcePath, readOnly });
}

/** `/etc/`, `//etc/./ssl/..` → `/etc`. */
export function normalizeHostPath(value: string): string {
  const normalized = path.posix.normalize(value.trim());
  return normalized.length > 1 ? normalized.replace(/\/+$/, '') : normalized;
}

/** True when `child` is `parent` or lies below it. */
export function isUnder(child: string, parent: string): boolean {
  return parent === '/' ? child.startsWith('/') : child === parent || child.startsWith(`${parent}/`);
}

/** Host device nodes of GPUs (NVIDIA, DRM render/card nodes, AMD KFD): governed by PT-DOCKER-GPU. */
export function isGpuDevice(hostPath: string): boolean {
  const p = normalizeHostPath(hostPath);
  return /^\/dev\/nvidia/.test(p) || p === '/dev/dri' || p.startsWith('/dev/dri/') || p === '/dev/kfd';
}

/** Capability names without the `CAP_` prefix, upper case. */
export function capabilityName(value: string): string {
  const upper = value.trim().toUpperCase();
  return upper.startsWith('CAP_') ? upper.slice(4) : upper;
}
