/** Hover on a finding: its rule id, message and the rule's docs page (the page `apig lint` links to). */
import type { Position } from 'vscode-languageserver/node';
import { ruleDocUrl } from '../lint/doc-url.js';
import { isRuleId } from '../lint/rule-ids.js';
import type { Found } from './lint-target.js';
import { contains } from './ranges.js';

export function findingHover(findings: readonly Found[], at: Position): string | undefined {
  const here = findings.filter((f) => f.range !== undefined && contains(f.range, at));
  if (here.length === 0) return undefined;
  return here
    .map((f) => {
      const link = isRuleId(f.code) ? ` ([rule page](${ruleDocUrl(f.code)}))` : '';
      const fix = f.fix ? `\n\nFixable: ${f.fix.description} (quick fix, or \`apig lint --fix\`).` : '';
      return `**apig ${f.code}**${link}: ${f.message}${fix}`;
    })
    .join('\n\n');
}
