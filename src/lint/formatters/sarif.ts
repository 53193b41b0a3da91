/** SARIF 2.1.0 with rule metadata and help links; suppressed findings carry an in-source suppression. */
import { ruleMeta } from '../registry.js';
import { severityOf } from '../run.js';
import type { Formatter } from './types.js';

const LEVEL = { error: 'error', warn: 'warning', info: 'note', hint: 'note' } as const;
export const DOCS_BASE = 'https://github.com/apig-dev/apig/blob/main/docs/rules/';

export const sarif: Formatter = ({ findings, rules, version }) => {
  const index = new Map(rules.map((r, i) => [r, i]));
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'apig',
            version,
            informationUri: 'https://github.com/apig-dev/apig',
            rules: rules.map((id) => {
              const meta = ruleMeta(id);
              const level = severityOf(id, undefined);
              return {
                id,
                shortDescription: { text: meta?.description ?? id },
                fullDescription: { text: `${meta?.rationale ?? ''} Source: ${meta?.source ?? ''}`.trim() },
                helpUri: `${DOCS_BASE}${id}.md`,
                help: { text: `${meta?.description ?? ''} See ${DOCS_BASE}${id}.md` },
                defaultConfiguration: { level: level === 'off' ? 'none' : LEVEL[level] },
                properties: { category: meta?.category ?? 'schema' },
              };
            }),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          ...(index.has(f.code) ? { ruleIndex: index.get(f.code) } : {}),
          level: LEVEL[f.severity],
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.source.split('\\').join('/') },
                region: {
                  startLine: (f.range?.start.line ?? 0) + 1,
                  startColumn: (f.range?.start.character ?? 0) + 1,
                  endLine: (f.range?.end.line ?? 0) + 1,
                  endColumn: (f.range?.end.character ?? 0) + 1,
                },
              },
              logicalLocations: [{ fullyQualifiedName: f.path || '/', kind: 'member' }],
            },
          ],
          ...(f.suppressed ? { suppressions: [{ kind: 'inSource', justification: f.suppressed.reason }] } : {}),
        })),
      },
    ],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
};
