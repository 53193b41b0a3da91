/**
 * `--watch`: notices edits to the workspace and every file it references. Editors often replace a file
 * (write a temporary, rename over) rather than write it in place, so each file's folder is watched and
 * events are filtered by name; bursts are debounced into one reload.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface FileWatcher {
  close(): void;
}

export function watchFiles(files: readonly string[], onChange: (file: string) => void, debounceMs = 150): FileWatcher {
  const byDir = new Map<string, Set<string>>();
  for (const f of files) {
    const names = byDir.get(dirname(f)) ?? new Set<string>();
    names.add(basename(f));
    byDir.set(dirname(f), names);
  }
  let timer: NodeJS.Timeout | undefined;
  let changed = '';
  const watchers: FSWatcher[] = [];
  for (const [dir, names] of byDir) {
    try {
      const w = watch(dir, { persistent: false }, (_event, name) => {
        if (name === null || !names.has(name.toString())) return;
        changed = `${dir}/${name.toString()}`;
        clearTimeout(timer);
        timer = setTimeout(() => onChange(changed), debounceMs);
      });
      w.on('error', () => undefined);
      watchers.push(w);
    } catch {
      // A folder that vanished: the next successful reload watches again.
    }
  }
  return {
    close: () => {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}
