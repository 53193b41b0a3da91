/**
 * Regression (issue 15, "`npx apig serve` stopped with SIGTERM must stop the gateway"): npm runs the command in a
 * shell (`sh -c 'apig' serve ...`) and passes a SIGTERM on to that shell only, which ends without passing it on;
 * the gateway, re-parented to init, served on with nothing left to stop it, its port taken.
 * Right: under npm the gateway watches the process that started it (and npm through the shell between) and, when
 * it ends, finishes what is in flight and stops, as on SIGTERM.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, HAS_NPX, HAS_PROC, listening, npxServe, running, type NpxServe } from '../e2e/npx-kit.js';

let started: NpxServe | undefined;
afterEach(() => {
  started?.cleanup();
  started = undefined;
});

describe.skipIf(!HAS_PROC || !HAS_NPX)('npx apig serve, then SIGTERM to npx', () => {
  it('the gateway process ends and its port closes', async () => {
    started = await npxServe();
    started.npx.kill('SIGTERM');
    await eventually(() => !running(started?.gateway ?? 0), 'the gateway exits');
    expect(await listening(started.port)).toBe(false);
  });
});
