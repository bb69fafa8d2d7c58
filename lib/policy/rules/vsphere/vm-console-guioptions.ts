import { Severity } from '../../rule';
import { extraConfigRule } from '../private/vsphere';

/** VM-CONSOLE-GUIOPTIONS: console GUI copy/paste options are off (`extra_config["isolation.tools.setGUIOptions.enable"] = "FALSE"`). */
export const vmConsoleGuioptions = extraConfigRule({
  ruleId: 'VM-CONSOLE-GUIOPTIONS',
  title: 'Console GUI copy/paste options are off',
  severity: Severity.LOW,
  source: 'SCG8 VM parameters note',
  key: 'isolation.tools.setGUIOptions.enable',
  value: 'FALSE',
});
