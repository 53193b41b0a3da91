/** The `yaml` package, loaded on first use: the fast path (fast-yaml.ts) usually makes it unnecessary. */
import { createRequire } from 'node:module';

type YamlModule = typeof import('yaml');
let yamlModule: YamlModule | undefined;

export function yaml(): YamlModule {
  yamlModule ??= createRequire(import.meta.url)('yaml') as YamlModule;
  return yamlModule;
}
