/** The Prompter on a real terminal, with @inquirer/prompts (only src/cli may use it). */
import { checkbox, confirm, input, select } from '@inquirer/prompts';
import { ApigError } from '../../core/errors.js';
import type { Io } from '../io.js';
import type { Prompter } from './prompter.js';

/** Ctrl-C or a closed terminal ends the session; nothing has been written at that point. */
async function guarded<T>(answer: Promise<T>): Promise<T> {
  try {
    return await answer;
  } catch (err) {
    if (err instanceof Error && (err.name === 'ExitPromptError' || err.name === 'AbortPromptError')) {
      throw new ApigError('usage', 'cancelled; nothing was written');
    }
    throw err;
  }
}

export function inquirerPrompter(io: Pick<Io, 'err' | 'color'>): Prompter {
  return {
    text: (q) =>
      guarded(
        input({
          message: q.message,
          ...(q.default !== undefined ? { default: q.default } : {}),
          validate: (v) => q.validate(v),
        }),
      ),
    select: (q) =>
      guarded(
        select<string>({
          message: q.message,
          choices: q.choices.map((c) => ({
            value: c.value,
            name: c.name ?? c.value,
            ...(c.description !== undefined ? { description: c.description } : {}),
          })),
          ...(q.default !== undefined ? { default: q.default } : {}),
          pageSize: 12,
        }),
      ),
    checkbox: (q) =>
      guarded(
        checkbox<string>({
          message: q.message,
          choices: q.choices.map((c) => ({
            value: c.value,
            name: c.name ?? c.value,
            checked: c.checked,
            ...(c.description !== undefined ? { description: c.description } : {}),
          })),
          pageSize: 12,
        }),
      ),
    confirm: (q) => guarded(confirm({ message: q.message, default: q.default })),
    warn: (m) => io.err(`${io.color.red(`> ${m}`)}\n`),
  };
}
