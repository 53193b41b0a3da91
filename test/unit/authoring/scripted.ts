/** A Prompter that plays scripted answers and records what was asked and what was refused. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Prompter } from '../../../src/cli/authoring/prompter.js';
import { flowContext, type FlowContext } from '../../../src/cli/authoring/context.js';
import { DEFAULT_QUOTAS } from '../../../src/lint/quotas.js';
import { loadWorkspace } from '../../../src/workspace/load.js';

export type Scripted = string | boolean | string[];

export interface Played {
  prompter: Prompter;
  asked: string[];
  /** Refusal messages, in order (inline validation and warnings). */
  refused: string[];
  /** Answers not used when the flow ended. */
  left(): Scripted[];
}

export function scripted(answers: readonly Scripted[]): Played {
  const queue = [...answers];
  const asked: string[] = [];
  const refused: string[] = [];
  const next = (message: string): Scripted => {
    asked.push(message);
    if (queue.length === 0) throw new Error(`no scripted answer left for "${message}" (asked: ${asked.join(' | ')})`);
    return queue.shift() as Scripted;
  };
  return {
    asked,
    refused,
    left: () => [...queue],
    prompter: {
      async text(q) {
        for (;;) {
          const a = next(q.message);
          if (typeof a !== 'string') throw new Error(`"${q.message}" wants text, the script has ${JSON.stringify(a)}`);
          // An empty answer takes the default, as at a terminal.
          const verdict = await q.validate(a === '' && q.default !== undefined ? q.default : a);
          if (verdict === true) return a === '' && q.default !== undefined ? q.default : a;
          refused.push(verdict);
        }
      },
      async select(q) {
        const a = next(q.message);
        const value = a === '' ? (q.default ?? q.choices[0]?.value) : a;
        if (typeof value !== 'string' || !q.choices.some((c) => c.value === value))
          throw new Error(
            `"${q.message}": ${JSON.stringify(a)} is not among ${q.choices.map((c) => c.value).join(', ')}`,
          );
        return value;
      },
      async checkbox(q) {
        const a = next(q.message);
        if (!Array.isArray(a)) throw new Error(`"${q.message}" wants a list, the script has ${JSON.stringify(a)}`);
        for (const v of a)
          if (!q.choices.some((c) => c.value === v)) throw new Error(`"${q.message}": ${v} is not among the choices`);
        return a;
      },
      async confirm(q) {
        const a = next(q.message);
        return a === '' ? q.default : a === true;
      },
      warn: (m) => refused.push(m),
    },
  };
}

export const DEMO = resolve(import.meta.dirname, '../../../fixtures/demo');

export async function demoContext(): Promise<FlowContext> {
  const loaded = await loadWorkspace(DEMO, { cwd: DEMO, env: { APP1_SECRET: 's', APP1_APPCODE: 'c' } });
  if (!loaded.workspace) throw new Error('the demo workspace does not load');
  return flowContext(loaded.workspace, { quotas: { ...DEFAULT_QUOTAS }, overrides: {} });
}

export const readText = (file: string): string => readFileSync(file, 'utf8');
