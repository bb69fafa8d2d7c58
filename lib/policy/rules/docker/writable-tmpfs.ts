import { findAll, isUnresolved } from '../../private/attributes';
import { Severity } from '../../rule';
import { asNumber, defineRule, mapPath, stringMap } from '../private/rule-kit';

/** DOCKER-WRITABLE-TMPFS: writable directories are size-capped tmpfs. */
export const dockerWritableTmpfs = defineRule({
  ruleId: 'DOCKER-WRITABLE-TMPFS',
  title: 'Writable tmpfs directories are size-capped, noexec and nosuid',
  severity: Severity.LOW,
  source: 'CIS-D 5.13 (where data may be written)',
  resourceTypes: ['docker_container'],
  rationale: 'Every tmpfs["<dir>"] entry must carry noexec, nosuid and size=<n>; every mounts[] of type "tmpfs" must set tmpfs_options.size_bytes > 0 (the provider cannot set noexec there). A container without tmpfs passes: DOCKER-READONLY-ROOTFS covers the root filesystem.',
}, (attributes, findings) => {
  const tmpfs = stringMap(attributes.tmpfs);
  if (tmpfs.unresolved) findings.unknown('tmpfs', attributes.tmpfs);
  for (const [dir, options] of tmpfs.entries) {
    const entryPath = mapPath('tmpfs', dir);
    if (isUnresolved(options)) {
      findings.unknown(entryPath, options);
      continue;
    }
    const parts = String(options ?? '').split(',').map((p) => p.trim().toLowerCase());
    const missing = ['noexec', 'nosuid'].filter((o) => !parts.includes(o));
    if (!parts.some((p) => /^size=\d+[kmg%]?$/.test(p) && !/^size=0+[kmg%]?$/.test(p))) missing.push('size=<n>');
    if (missing.length > 0) findings.fail(entryPath, options, `set the options to include ${missing.join(', ')} (e.g. "rw,noexec,nosuid,size=64m")`, `dir=${dir}`);
  }
  for (const mount of findAll(attributes, 'mounts')) {
    const m = mount.value as Record<string, any>;
    if (typeof m !== 'object' || m === null || String(m.type ?? '').toLowerCase() !== 'tmpfs') continue;
    const size = findAll(m, 'tmpfs_options.size_bytes')[0];
    if (size && isUnresolved(size.value)) findings.unknown(`${mount.path}.${size.path}`, size.value);
    else if (!((asNumber(size?.value) ?? 0) > 0)) {
      findings.fail(`${mount.path}.tmpfs_options.size_bytes`, size?.value, 'set tmpfs_options { size_bytes = <cap> } on the tmpfs mount', `target=${m.target}`);
    }
  }
});
