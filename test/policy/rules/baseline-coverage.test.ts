import { KUBERNETES_NOT_DECIDABLE, NOT_DECIDABLE, PolicyPacks, Severity } from '../../../lib';
import { baselineIds } from './helpers';

const baseline = baselineIds();
if (!baseline) console.warn('security-baseline.md not found; skipping the baseline coverage test');
const whenBaseline = baseline ? test : test.skip;

describe('every control of the security baseline is a rule or a not-decidable control', () => {
  const ruleIds = PolicyPacks.all().map((r) => r.ruleId);
  const undecidableIds = NOT_DECIDABLE.map((c) => c.controlId);

  whenBaseline('no baseline row id falls through', () => {
    const known = new Set([...ruleIds, ...undecidableIds]);
    expect([...baseline!.ids].filter((id) => !known.has(id))).toEqual([]);
  });

  whenBaseline('every not-decidable control is a baseline row with the baseline severity', () => {
    expect(undecidableIds.filter((id) => !baseline!.ids.has(id))).toEqual([]);
    expect(NOT_DECIDABLE.filter((c) => c.severity !== baseline!.severities.get(c.controlId)).map((c) => c.controlId)).toEqual([]);
  });

  test('no control is both a rule and not decidable, and none is listed twice', () => {
    expect(undecidableIds.filter((id) => ruleIds.includes(id))).toEqual([]);
    expect(new Set(undecidableIds).size).toBe(undecidableIds.length);
  });

  test('NOT_DECIDABLE covers the Kubernetes, Docker and vSphere sections', () => {
    expect(KUBERNETES_NOT_DECIDABLE).toEqual([expect.objectContaining({ controlId: 'K8S-PID-LIMIT', severity: Severity.MEDIUM })]);
    expect(KUBERNETES_NOT_DECIDABLE[0].metBy).toMatch(/node configuration/);
    expect(KUBERNETES_NOT_DECIDABLE[0].reason).toMatch(/podPidsLimit/);
    for (const prefix of ['K8S-', 'DOCKER-', 'VM-']) expect(undecidableIds.some((id) => id.startsWith(prefix))).toBe(true);
    expect(NOT_DECIDABLE).toEqual(expect.arrayContaining(KUBERNETES_NOT_DECIDABLE));
  });
});
