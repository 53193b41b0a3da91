/** The docs page of a rule (docs/rules/<id>.md), generated from its metadata so that the two never drift. */
import type { RuleMeta, RuleSeverity } from './types.js';

export function ruleDoc(meta: RuleMeta, severity: RuleSeverity): string {
  return `# ${meta.id}

${meta.description}

- Category: ${meta.category}
- Default severity: \`${severity}\`
- Source: ${meta.source}

## Why

${meta.rationale}

## Configure

\`\`\`yaml
# .apiglint.yaml
rules:
  ${meta.id}: warn   # off, hint, info, warn or error
\`\`\`

or \`apig lint --rule ${meta.id}=off\`. To suppress one place, with a reason (counted as suppressed in the summary):

\`\`\`yaml
x-apig-lint-disable:
  - rule: ${meta.id}
    reason: "why this is fine here"
\`\`\`

on the operation, its Path Item, or the document root.
`;
}

export function rulesIndex(rows: ReadonlyArray<{ meta: RuleMeta; severity: RuleSeverity }>): string {
  const lines = rows.map(
    ({ meta, severity }) =>
      `| [${meta.id}](${meta.id}.md) | ${meta.category} | \`${severity}\` | ${meta.description} |`,
  );
  return (
    `# apig lint rules\n\n` +
    `Every rule, its category, its default severity (the \`recommended\` preset) and what it checks.\n` +
    `Each page cites the documentation it comes from.\n\n` +
    `| rule | category | default | checks |\n|---|---|---|---|\n${lines.join('\n')}\n`
  );
}
