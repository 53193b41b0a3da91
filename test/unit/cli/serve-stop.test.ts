/**
 * When `apig serve` watches the process that started it (docs/serve.md, "Stopping"): only under npm, which
 * sets `npm_execpath` for what it runs; started any other way it never does, so that a shell that exits leaves a
 * backgrounded gateway serving.
 */
import { describe, expect, it } from 'vitest';
import { parentWatch } from '../../../src/cli/serve-stop.js';

describe('parentWatch', () => {
  it('watches nothing when npm did not start apig', () => {
    expect(parentWatch({})).toBeUndefined();
    expect(parentWatch({ npm_execpath: '' })).toBeUndefined();
  });

  it('under npm, finds the parent there while it runs', () => {
    const gone = parentWatch({ npm_execpath: '/usr/lib/node_modules/npm/bin/npm-cli.js' });
    expect(gone).toBeTypeOf('function');
    expect(gone?.()).toBeUndefined();
  });
});
