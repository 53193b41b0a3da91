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

function fixSection(meta: RuleMeta): string {
  if (meta.fix === undefined)
    return `No finding of this rule has one obvious correct fix: \`apig lint --fix\` leaves them to you.
`;
  return `${meta.fix}

\`apig lint --fix\` writes it (comments and formatting stay), \`--fix-dry-run\` shows the diff;
see [Fixes](README.md#fixes).
`;
}

export function ruleDoc(meta: RuleMeta, severity: RuleSeverity): string {
  return `# ${meta.id}

${meta.description}

- Category: ${meta.category}
- Default severity: \`${severity}\`
- Fixable: ${meta.fix === undefined ? 'no' : 'yes (`apig lint --fix`)'}
- Source: ${meta.source}

## Why

${meta.rationale}

## Fix

${fixSection(meta)}
## Configure

${configure(meta)}`;
}

const MAX = MAX_FINDINGS_PER_FILE.toLocaleString('en-US');

export function rulesIndex(rows: ReadonlyArray<{ meta: RuleMeta; severity: RuleSeverity }>): string {
  const lines = rows.map(
    ({ meta, severity }) =>
      `| [${meta.id}](${meta.id}.md) | ${meta.category} | \`${severity}\` | ${meta.fix === undefined ? '' : 'yes'} | ` +
      `${meta.description} |`,
  );
  return `# apig lint rules

Every rule, its category, its default severity (the \`recommended\` preset), whether \`apig lint --fix\` fixes
its findings ([Fixes](#fixes)) and what it checks. Each page cites the documentation it comes from and says what
its fix does. \`apig lint --list-rules\` prints the same list with the severities your configuration and
\`--rule\` give, and each page's location.

| rule | category | default | fix | checks |
|---|---|---|---|---|
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

## Fixes

\`\`\`sh
npx apig lint fixtures/lint/mixed --fix-dry-run > fixes.diff   # what --fix would write; nothing is written: exit 1
npx apig lint fixtures/lint/mixed --fix          # writes it, then lists what remains (three errors): exit 1
npx apig lint - --fix < fixtures/variants/real-exports.yaml > fixed.yaml   # the fixed document, 5 errors: exit 1
\`\`\`

\`apig lint --fix\` applies the fix of every finding that has one (the \`fix\` column above) and that is neither
suppressed (\`x-apig-lint-disable\`) nor listed in the \`--baseline\` file; a rule turned off (\`--rule id=off\`)
fixes nothing. A fix changes the file's data at the finding's JSON pointer (a value, a key renamed in place, a new
entry), never text at a line and column, and is written as \`apig edit\` writes: comments, key order, quotes and
layout stay wherever the content did not change (a JSON file is written in its own indentation). Every changed
file is written atomically (a temporary file renamed into place), then everything is linted again: the findings
that remain are reported in the formats asked for, with the usual exit codes (1 when errors remain, 0 when none
do, 2 for a usage error), and \`apig lint: fixed N problems in F files\` goes to standard error.

- A fix never changes what the gateway does unless lint proves it wrong. A canonical spelling is read exactly
  as its variant; \`required: true\` and a declared path parameter make an API the console refuses importable;
  the OPTIONS API answers the browser's preflight that was 404. Where a person must choose (a misspelt name, a
  value out of range, a policy nobody uses), there is no fix.
- Several fixes in one file are applied in the order of the findings, each checked against the file as the
  fixes before it left it: a fix whose place no longer holds what it expects is skipped whole; one whose result
  is there already (two CORS APIs of one path both lacking the OPTIONS API) counts as fixed.
- A fix can bring to light what lint could not see before (an operation left out for a Swagger error is linted
  once that error is fixed), so the files are linted again as they would be written and fixed again, until
  nothing changes (at most ten times), before anything is written. A fix still skipped then is named on standard
  error: \`apig lint: not fixed: FILE:LINE:COL RULE: why\`.
- \`--fix-dry-run\` prints the unified diff of what \`--fix\` would write (\`git apply -p0\` applies it) and writes
  nothing; its exit code is that of the lint of the files as they are. Standard output holds the diff, so each
  \`--format\` needs an \`--output\` file.
- With \`-\` (standard input, the only input then), \`--fix\` prints the fixed document on standard output (the
  document as it was when nothing is fixable), writes no file, and exits as the lint of the fixed document does;
  each \`--format\` needs an \`--output\` file.
- Neither combines with \`--watch\` (a fix would rewrite a file under your editor) or \`--generate-baseline\` (fix
  first, then generate it).

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
