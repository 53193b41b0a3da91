/**
 * Local JavaScript modules that stand in for FunctionGraph functions (apig.yaml `functions`: URN → module).
 * A module exports `handler(event, context)` (FunctionGraph's Node.js convention), as a named export, as
 * `module.exports.handler`, or as its default export. Each configuration generation imports afresh, so
 * `--watch` picks up edits to the module.
 */
import { stat } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { kindProblem } from '../../oas/read.js';

export type FunctionHandler = (event: unknown, context: unknown) => unknown;

export class FunctionModules {
  private readonly cache = new Map<string, Promise<FunctionHandler>>();

  constructor(private readonly generation: number) {}

  load(path: string): Promise<FunctionHandler> {
    let p = this.cache.get(path);
    if (!p) {
      // Only a regular file is imported: a FIFO would hold the import (and a thread of Node's pool) forever.
      p = stat(path)
        .then((st) => {
          const problem = kindProblem(st);
          if (problem !== undefined) throw new Error(`cannot load ${path}: ${problem}`);
          return import(`${pathToFileURL(path).href}?generation=${this.generation}`) as Promise<
            Record<string, unknown>
          >;
        })
        .then((mod) => {
          const def = mod.default as Record<string, unknown> | ((...a: unknown[]) => unknown) | undefined;
          const handler = mod.handler ?? (typeof def === 'object' && def !== null ? def.handler : undefined) ?? def;
          if (typeof handler !== 'function') throw new Error(`${path} exports no handler(event, context) function`);
          return handler as FunctionHandler;
        });
      // A failed import is retried on the next call (the file may be fixed without a reload).
      p.catch(() => this.cache.delete(path));
      this.cache.set(path, p);
    }
    return p;
  }
}
