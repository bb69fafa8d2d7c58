import * as fs from 'fs';
import * as path from 'path';
import { ComplianceStatus, IPolicyRule, PolicyResource, RuleResult } from '../../../lib';

export type Attributes = { [key: string]: any };

/** Evaluates one rule on one resource, with optional other resources in the stack. */
export function check(rule: IPolicyRule, resourceType: string, attributes: Attributes, others: PolicyResource[] = [], address?: string): RuleResult {
  const resource: PolicyResource = { resourceType, address: address ?? `${resourceType}.subject`, attributes };
  return rule.evaluate(resource, { resources: [resource, ...others] });
}

/** A copy of `base` with `overrides` applied; an `undefined` override removes the key. */
export function patch(base: Attributes, overrides: Attributes): Attributes {
  const out: Attributes = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

/** The row ids of the security baseline tables, or undefined when the file is not available. */
export function baselineIds(): { ids: Set<string>; severities: Map<string, string>; file: string } | undefined {
  const repoRoot = path.resolve(__dirname, '..', '..', '..');
  const candidates = [path.resolve(repoRoot, '..', 'shared', 'docs', 'security-baseline.md'), '/work/shared/docs/security-baseline.md'];
  const file = candidates.find((c) => fs.existsSync(c));
  if (!file) return undefined;
  const ids = new Set<string>();
  const severities = new Map<string, string>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = line.match(/^\|\s*([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\s*\|.*\|\s*(high|medium|low)\s*\|\s*$/i);
    if (match) {
      ids.add(match[1]);
      severities.set(match[1], match[2].toUpperCase());
    }
  }
  return { ids, severities, file };
}

/** A compact view of a result for assertions. */
export function summary(result: RuleResult): { status: ComplianceStatus; paths: string[] } {
  return { status: result.status, paths: result.violations.map((v) => v.attributePath) };
}

/** One table row: a compliant fixture, non-compliant fixtures with the attribute path each must report, an unresolved fixture. */
export interface RuleCase {
  /** A configured rule instance to use instead of the pack's default. */
  readonly rule?: IPolicyRule;
  readonly resourceType?: string;
  readonly pass: Attributes[];
  readonly fail: Array<[Attributes, string]>;
  readonly unknown: Attributes;
  /** Other resources of the stack for the compliant fixtures (and the rest, unless `failOthers`). */
  readonly others?: PolicyResource[];
  /** Other resources of the stack for the non-compliant and unresolved fixtures. */
  readonly failOthers?: PolicyResource[];
}

/** Runs the standard PASS / FAIL / UNKNOWN / NOT_APPLICABLE tests for every rule of a pack. */
export function describePack(pack: IPolicyRule[], cases: { [ruleId: string]: RuleCase }, defaultType: string): void {
  test('every rule of the pack has a test case, and every case a rule', () => {
    expect(Object.keys(cases).sort()).toEqual(pack.map((r) => r.ruleId).sort());
  });

  describe.each(pack.map((r) => [r.ruleId, r] as [string, IPolicyRule]))('%s', (ruleId, packRule) => {
    const c = cases[ruleId];
    const rule = c?.rule ?? packRule;
    const type = c?.resourceType ?? defaultType;

    test('passes a compliant fixture', () => {
      for (const attributes of c.pass) {
        const result = check(rule, type, attributes, c.others);
        expect({ fixture: attributes, ...summary(result), reason: result.reason }).toMatchObject({ status: ComplianceStatus.PASS });
      }
    });

    test('fails a non-compliant fixture at the attribute path', () => {
      for (const [attributes, attributePath] of c.fail) {
        const result = check(rule, type, attributes, c.failOthers ?? c.others);
        expect(result.status).toBe(ComplianceStatus.FAIL);
        expect(result.violations.map((v) => v.attributePath)).toContain(attributePath);
        for (const violation of result.violations) expect(violation.fix.length).toBeGreaterThan(5);
      }
    });

    test('is UNKNOWN (never PASS) on an unresolved value', () => {
      const result = check(rule, type, c.unknown, c.failOthers ?? c.others);
      expect(result.status).toBe(ComplianceStatus.UNKNOWN);
      expect(result.reason).toBeTruthy();
    });

    test('is NOT_APPLICABLE on a foreign resource type', () => {
      expect(check(rule, 'null_resource', c.pass[0]).status).toBe(ComplianceStatus.NOT_APPLICABLE);
      expect(rule.resourceTypes).not.toContain('null_resource');
    });
  });
}

/**
 * Rules the library adds beyond docs/security-baseline.md (maintained outside this repository),
 * with their severity, until the baseline gets a row for them.
 */
export const BEYOND_BASELINE: { [ruleId: string]: string } = {
  // Issue 13: a container whose image has no vulnerability scan gate (NIST SP 800-190 §4.1.1).
  'DOCKER-IMAGE-SCANNED': 'MEDIUM',
};

/** Asserts rule ids are unique and rows of the baseline (skips with a message when the baseline file is missing). */
export function describeIds(pack: IPolicyRule[]): void {
  test('rule ids are unique', () => {
    const ids = pack.map((r) => r.ruleId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  const baseline = baselineIds();
  (baseline ? test : test.skip)(`every rule id is a row id of the security baseline${baseline ? '' : ' (SKIPPED: security-baseline.md not found next to the repository or in /work/shared/docs)'}`, () => {
    const missing = pack.map((r) => r.ruleId).filter((id) => !baseline!.ids.has(id) && BEYOND_BASELINE[id] === undefined);
    expect({ file: baseline!.file, missing }).toEqual({ file: baseline!.file, missing: [] });
  });

  (baseline ? test : test.skip)('every rule has the severity of its baseline row', () => {
    const wrong = pack.filter((r) => (baseline!.severities.get(r.ruleId) ?? BEYOND_BASELINE[r.ruleId]) !== r.severity).map((r) => `${r.ruleId}: ${r.severity} vs ${baseline!.severities.get(r.ruleId)}`);
    expect(wrong).toEqual([]);
  });
}

/** The STIG/SCG extra_config keys (an independent copy of the baseline table, not the library's) with their secure and an insecure value, by rule id. */
export const VM_HARDENING: { [ruleId: string]: [string, string, string] } = {
  'VM-ISOLATION-COPY': ['isolation.tools.copy.disable', 'TRUE', 'FALSE'],
  'VM-ISOLATION-DND': ['isolation.tools.dnd.disable', 'TRUE', 'FALSE'],
  'VM-ISOLATION-PASTE': ['isolation.tools.paste.disable', 'TRUE', 'FALSE'],
  'VM-ISOLATION-DISKSHRINK': ['isolation.tools.diskShrink.disable', 'TRUE', 'FALSE'],
  'VM-ISOLATION-DISKWIPER': ['isolation.tools.diskWiper.disable', 'TRUE', 'FALSE'],
  'VM-CONSOLE-MAXCONN': ['RemoteDisplay.maxConnections', '1', '4'],
  'VM-SETINFO-SIZE': ['tools.setInfo.sizeLimit', '1048576', '0'],
  'VM-DEVICE-CONNECTABLE': ['isolation.device.connectable.disable', 'TRUE', 'FALSE'],
  'VM-HOSTINFO': ['tools.guestlib.enableHostInfo', 'FALSE', 'TRUE'],
  'VM-CONSOLE-AUTOLOCK': ['tools.guest.desktop.autolock', 'TRUE', 'FALSE'],
  'VM-NO-3D': ['mks.enable3d', 'FALSE', 'TRUE'],
  'VM-LOG-ROTATE-SIZE': ['log.rotateSize', '2048000', '0'],
  'VM-LOG-KEEPOLD': ['log.keepOld', '10', '100'],
  'VM-CONSOLE-GUIOPTIONS': ['isolation.tools.setGUIOptions.enable', 'FALSE', 'TRUE'],
  'VM-VMXDND-VERSIONGET': ['isolation.tools.vmxDnDVersionGet.disable', 'TRUE', 'FALSE'],
  'VM-BOOT-DEVICES': ['bios.bootDeviceClasses', 'allow:hd', 'allow:hd,cd,net'],
};
