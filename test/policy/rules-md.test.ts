import * as fs from 'fs';
import { NOT_DECIDABLE, PolicyPacks } from '../../lib';
import { renderRulesMarkdown, RULES_MD } from '../../scripts/gen-rules-md';

test('RULES.md is up to date with the rule packs (regenerate with `npm run rules:md`)', () => {
  const committed = fs.existsSync(RULES_MD) ? fs.readFileSync(RULES_MD, 'utf8') : '';
  expect(committed).toBe(renderRulesMarkdown());
});

test('RULES.md has one row per built-in rule', () => {
  const text = renderRulesMarkdown();
  for (const rule of PolicyPacks.all()) {
    expect(text).toContain(`| \`${rule.ruleId}\` | ${rule.severity} |`);
  }
  expect(text).toContain(`${PolicyPacks.all().length} built-in rule(s)`);
});

test('RULES.md lists every not-decidable control with its reason and where it is met', () => {
  const text = renderRulesMarkdown();
  expect(text).toContain('| Id | Severity | Source | Why no rule can decide it | Where it is met |');
  for (const control of NOT_DECIDABLE) {
    expect(text).toContain(`| \`${control.controlId}\` | ${control.severity} |`);
    expect(text).toContain(control.metBy.replace(/\|/g, '\\|'));
  }
  expect(text).toContain('| `K8S-PID-LIMIT` | MEDIUM |');
});

test('RULES.md shows each rule\'s rationale', () => {
  const text = renderRulesMarkdown();
  for (const rule of PolicyPacks.all()) expect(text).toContain((rule.rationale ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, ' '));
});
