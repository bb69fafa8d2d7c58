import * as fs from 'fs';
import { PolicyPacks } from '../../lib';
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
