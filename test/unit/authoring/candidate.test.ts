import { describe, expect, it } from 'vitest';
import { newFindings, refusal, withGroupModel } from '../../../src/lint/candidate.js';
import { DEFAULT_QUOTAS } from '../../../src/lint/quotas.js';
import { demoContext } from './scripted.js';

describe('candidate checks', () => {
  it("report only what the candidate adds, with the rule's message; warnings refuse only when asked to", async () => {
    const { ws } = await demoContext();
    const group = ws.groups[0];
    if (!group) throw new Error('no group');
    const same = withGroupModel(ws, 'demo', group.model);
    expect(
      newFindings(ws, same, { rules: ['path-syntax', 'unused-policy', 'operation-id'], quotas: DEFAULT_QUOTAS }),
    ).toEqual([]);

    const bad = {
      ...group.model,
      apis: [
        ...group.model.apis,
        {
          name: 'x_y_z',
          nameGenerated: false,
          method: 'GET' as const,
          path: '/a{b}',
          params: [],
          backend: { type: 'MOCK' as const, mock: { resultContent: '' } },
        },
      ],
    };
    const candidate = withGroupModel(ws, 'demo', bad);
    expect(refusal(ws, candidate, { rules: ['path-syntax'], quotas: DEFAULT_QUOTAS })).toBe(
      'path segment "a{b}": a parameter must be a whole segment, like /users/{id} (User Guide §5.2.1) (path-syntax)',
    );
    // A rule turned off in .apiglint.yaml does not refuse answers either.
    expect(
      refusal(ws, candidate, { rules: ['path-syntax'], quotas: DEFAULT_QUOTAS, overrides: { 'path-syntax': 'off' } }),
    ).toBeUndefined();
    const throttle = {
      ...group.model,
      throttles: [...group.model.throttles, { name: 'idle', apiLimit: 1, interval: 1, unit: 'SECOND' as const }],
    };
    const unused = withGroupModel(ws, 'demo', throttle);
    expect(refusal(ws, unused, { rules: ['unused-policy'], quotas: DEFAULT_QUOTAS })).toBeUndefined();
    expect(refusal(ws, unused, { rules: ['unused-policy'], quotas: DEFAULT_QUOTAS, atLeast: 'info' })).toBe(
      'throttle policy "idle" is not used by any API (unused-policy)',
    );
  });
});
