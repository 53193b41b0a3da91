/**
 * Reads the shell examples of a Markdown page (README.md, docs/**\/*.md) the way its reader runs them: every
 * fenced `sh`, `bash` or `console` block, line by line, in document order. A `console` block runs its `$ `
 * lines and shows their output below them; the other blocks run every line. A line ending in `\` goes on
 * the next one. `cd DIR` (alone or as `cd DIR && ...`) moves the rest of its block into DIR; every block
 * starts where the page's examples start. `export NAME=value ...` holds for the rest of the page.
 */

export interface DocCommand {
  /** `README.md:117`: the page and the line the command starts on. */
  at: string;
  /** The command as written: continuation lines joined, without the `$ ` prompt or a `cd DIR && ` before it. */
  line: string;
  /** Its shell words, without the comment. */
  words: string[];
  /** What follows an unquoted ` #`, or ''. */
  comment: string;
  /** A shell would expand something in it (`$NAME`, `$(...)` outside single quotes), which we do not. */
  expands: boolean;
  /** The folder it runs in, relative to where the page's examples start ('' for there). */
  cwd: string;
  /** The variables the page has exported before it. */
  env: Record<string, string>;
  /** In a `console` block: the lines shown after the command, up to the next `$ ` line or the block's end. */
  shown: string[];
}

/** Shell words: single and double quotes, no expansion; an unquoted `#` starting a word starts the comment. */
export function shellWords(line: string): Pick<DocCommand, 'words' | 'comment' | 'expands'> {
  const words: string[] = [];
  let cur = '';
  let inWord = false;
  let expands = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unclosed ${c} in: ${line}`);
      const quoted = line.slice(i + 1, end);
      if (c === '"' && quoted.includes('$')) expands = true;
      cur += quoted;
      i = end;
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(cur);
      cur = '';
      inWord = false;
    } else if (c === '#' && !inWord) {
      return { words, comment: line.slice(i + 1).trim(), expands };
    } else {
      if (c === '$') expands = true;
      cur += c;
      inWord = true;
    }
  }
  if (inWord) words.push(cur);
  return { words, comment: '', expands };
}

/** The arguments after `npx apig` or `apig`, or undefined for another command. */
export function apigArgs(command: Pick<DocCommand, 'words'>): string[] | undefined {
  const [first, second] = command.words;
  if (first === 'apig') return command.words.slice(1);
  if (first === 'npx' && second === 'apig') return command.words.slice(2);
  return undefined;
}

/** The exit code a command's comment states (`# ... exit 1`), else 0. */
export function expectedExit(command: Pick<DocCommand, 'comment'>): number {
  return Number(/\bexit (\d)\b/.exec(command.comment)?.[1] ?? 0);
}

/** Joins the command lines that end in `\` with the next line, keeping each one's first line number. */
function joinContinued(
  lines: readonly string[],
  first: number,
  isCommand: (line: string) => boolean,
): Array<{ text: string; lineNo: number }> {
  const out: Array<{ text: string; lineNo: number }> = [];
  for (let i = 0; i < lines.length; i++) {
    const lineNo = first + i;
    let text = lines[i] as string;
    while (isCommand(text) && text.endsWith('\\') && i + 1 < lines.length)
      text = `${text.slice(0, -1)}${(lines[++i] as string).trim()}`;
    out.push({ text, lineNo });
  }
  return out;
}

/** Every command of the page's shell blocks, in order (`cd` and `export` lines are applied, not listed). */
export function docCommands(page: string, markdown: string): DocCommand[] {
  const out: DocCommand[] = [];
  const env: Record<string, string> = {};
  for (const block of markdown.matchAll(/^```(sh|bash|console)\n([\s\S]*?)^```/gm)) {
    const isConsole = block[1] === 'console';
    const first = markdown.slice(0, block.index).split('\n').length + 1;
    const isCommand = (line: string): boolean => !isConsole || line.startsWith('$ ');
    const lines = joinContinued((block[2] ?? '').replace(/\n$/, '').split('\n'), first, isCommand);
    let cwd = '';
    lines.forEach(({ text, lineNo }, i) => {
      if (!isCommand(text)) return;
      let line = text.replace(/^\$ /, '');
      const cd = /^cd (\S+)(?: && |\s*(?:#.*)?$)/.exec(line);
      if (cd) {
        cwd = cwd === '' ? (cd[1] as string) : `${cwd}/${cd[1]}`;
        line = line.slice(cd[0].length);
      }
      const { words, comment, expands } = shellWords(line);
      if (words.length === 0) return;
      if (words[0] === 'export') {
        for (const assignment of words.slice(1)) {
          const eq = assignment.indexOf('=');
          if (eq <= 0) throw new Error(`${page}:${lineNo}: export without NAME=value`);
          env[assignment.slice(0, eq)] = assignment.slice(eq + 1);
        }
        return;
      }
      const shown: string[] = [];
      if (isConsole)
        for (let j = i + 1; j < lines.length && !isCommand(lines[j]?.text ?? ''); j++) shown.push(lines[j]?.text ?? '');
      while (shown.at(-1) === '') shown.pop();
      out.push({ at: `${page}:${lineNo}`, line, words, comment, expands, cwd, env: { ...env }, shown });
    });
  }
  return out;
}
