/** The docs page of a rule (docs/rules/<id>.md), generated from its metadata so that the two never drift. */
import { MAX_FINDINGS_PER_FILE } from './cap.js';
import { severityOf } from './run.js';
import type { RuleMeta, RuleSeverity } from './types.js';

/** Whether the configuration can change the rule's severity (`parse` stays an error whatever it says). */
const configurable = (meta: RuleMeta): boolean => severityOf(meta.id, { [meta.id]: 'off' }) === 'off';

function configure(meta: RuleMeta): string {
  if (!configurable(meta))
    return `This rule is always an error: the configuration and \`--rule\` cannot turn it off or lower it, and a
\`--baseline\` file never hides it. A file apig cannot read is never a clean result: fix the file where the
finding points.
`;
  return `\`\`\`yaml
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

export function ruleDoc(meta: RuleMeta, severity: RuleSeverity): string {
  return `# ${meta.id}

${meta.description}

- Category: ${meta.category}
- Default severity: \`${severity}\`
- Source: ${meta.source}

## Why

${meta.rationale}

## Configure

${configure(meta)}`;
}

const MAX = MAX_FINDINGS_PER_FILE.toLocaleString('en-US');

export function rulesIndex(rows: ReadonlyArray<{ meta: RuleMeta; severity: RuleSeverity }>): string {
  const lines = rows.map(
    ({ meta, severity }) =>
      `| [${meta.id}](${meta.id}.md) | ${meta.category} | \`${severity}\` | ${meta.description} |`,
  );
  return `# apig lint rules

Every rule, its category, its default severity (the \`recommended\` preset) and what it checks.
Each page cites the documentation it comes from. \`apig lint --list-rules\` prints the same list with the
severities your configuration and \`--rule\` give, and each page's location.

| rule | category | default | checks |
|---|---|---|---|
${lines.join('\n')}

## Everything in one run

A file with a Swagger or extension-schema error is still linted. Each error is reported, and the smallest part
that holds it is left out of what the other rules see: the operation (with its parameters and extension
values), the Path Item when the error is in the parameters every operation under it shares, or the one named
entry of a root map (\`x-apigateway-ratelimits\`, \`definitions\`, ...). Every other rule runs on the rest, so one
slip no longer hides the file's other problems. An API left out this way still counts as defined for
\`apig.yaml\` references (\`publish\`, \`authorize\`). Errors in \`apig.yaml\` itself are findings of
\`workspace-schema\`, and its groups are still linted. Only a file that does not parse stops there, with a
\`parse\` finding.

## What each output shows

These pages ship with apig, and every output links each rule to its page in the installed package (a
\`file://\` URL): \`stylish\` after its summary line, one line per rule that has findings; \`json\` in each
result's \`documentationUrl\`; \`sarif\` in each rule's \`helpUri\`.

- A file apig cannot read (not YAML or JSON, or not a Swagger 2.0 or OpenAPI 3.0 document) is a \`parse\`
  finding (an error, with its line and column) in every format: \`json\` and \`sarif\` still write a
  complete report, \`github\` an \`::error\` annotation, \`junit\` a failed \`parse\` test case.
- Findings suppressed with \`x-apig-lint-disable\` are counted in the summary (\`json\` lists them under
  \`suppressed\`, with their reason; \`sarif\` lists them with an in-source suppression).
- Findings the \`--baseline\` file lists are not shown and do not fail the run: \`stylish\` says how many it
  hid, \`json\` counts them in \`summary.baselined\`, and \`sarif\` lists every result with a
  \`baselineState\`: \`unchanged\` for these, \`new\` for the others.
- A file with more than ${MAX} findings: the first ${MAX} are listed, and each format says how many more
  there are (\`stylish\` after the file's findings, \`json\` in \`omitted\`, \`sarif\` in a tool execution
  notification, \`github\` in a \`::warning\` annotation, \`junit\` in the file's \`system-out\`).
`;
}
