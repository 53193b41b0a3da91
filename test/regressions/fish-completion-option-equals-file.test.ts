/**
 * Regression (issue 15, shell completion): in fish, TAB after an option written with its file value,
 * `apig lint --config=dem`, completed nothing. The fish script listed the files itself with
 * `__fish_complete_path "$current"`, which only globs `$current*`: `--config=dem*` names no file (and a `~/`
 * was not expanded either). Right: the script asks fish's own file completion, which completes the path after
 * `--opt=` to `--config=demo.yaml`, as bash and zsh do. Tried in a real fish on a pseudo-terminal; it fails,
 * saying how to install fish, where fish is missing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { completes, fishHome, needShell, sandbox } from '../e2e/completion-sandbox.js';
import { runCli } from '../e2e/run-cli.js';

describe('fish completion of a file given as --opt=FILE', () => {
  it('apig lint --config=dem<TAB> completes to --config=demo.yaml', async () => {
    needShell('fish');
    const box = sandbox();
    const env = fishHome(box.home);
    const completions = join(box.home, '.config/fish/completions');
    mkdirSync(completions, { recursive: true });
    writeFileSync(join(completions, 'apig.fish'), (await runCli(['completion', 'fish'])).stdout);
    const fish = box.start(['fish', '-i'], env);
    await fish.waitFor('ready> ');
    await completes(fish, 'apig lint --config=dem', 'apig lint --config=demo.yaml ');
    fish.send('exit\r');
    expect(await fish.exited).toBe(0);
  });
});
