/**
 * The route table of one group in one environment, built once per configuration (a segment trie, in the
 * manner of find-my-way) so that matching costs a few map lookups however many APIs there are.
 * Precedence is the contract of route-pattern.ts (ruling 3); `candidates()` applies that comparator by brute
 * force and the tests check that the trie always agrees with it.
 */
import { decodeSegment } from '../request/request-path.js';
import { comparePrecedence, matchesAlone, shapeKey, type RoutePattern } from './route-pattern.js';

export interface Route<T> {
  pattern: RoutePattern;
  value: T;
  /** Names of the `{param}` / `{param+}` segments, in path order. */
  paramNames: string[];
}

export type MatchResult<T> =
  | { kind: 'match'; route: Route<T>; params: Record<string, string>; remainder: string }
  /** Some API has this path, but not this method (APIG.0101 "The API does not exist."). */
  | { kind: 'method' }
  | { kind: 'none' };

interface Terminal<T> {
  byMethod: Map<string, Route<T>>;
  any?: Route<T>;
}

interface Node<T> {
  statics?: Map<string, Node<T>>;
  param?: Node<T>;
  /** Exact routes ending here with a trailing `{param+}` (which takes the rest of the path). */
  greedy?: Terminal<T>;
  exact?: Terminal<T>;
  /** Prefix routes ending here, e.g. `/test/AA`: the request may stop here or continue with `/...`. */
  prefix?: Terminal<T>;
  /** Prefix routes written with a trailing slash, e.g. `/test/`: at least one more segment must follow. */
  prefixSlash?: Terminal<T>;
}

export interface Conflict<T> {
  first: Route<T>;
  second: Route<T>;
}

interface Walk {
  method: string;
  segs: string[];
  caps: string[];
  sawPath: boolean;
}

export class Router<T> {
  private readonly root: Node<T> = {};
  /**
   * Exact routes made only of static segments, by path: the best match a request can have (exact before
   * prefix, static before everything), so one map lookup settles the most common case without the trie.
   */
  private readonly staticExact = new Map<string, Terminal<T>>();
  readonly routes: Route<T>[] = [];
  readonly conflicts: Conflict<T>[] = [];

  constructor(entries: Iterable<{ pattern: RoutePattern; value: T }>) {
    const seen = new Map<string, Route<T>>();
    for (const { pattern, value } of entries) {
      const route: Route<T> = {
        pattern,
        value,
        paramNames: pattern.segments.filter((s) => s.kind !== 'static').map((s) => s.text),
      };
      const key = shapeKey(pattern);
      const earlier = seen.get(key);
      if (earlier) {
        this.conflicts.push({ first: earlier, second: route });
        continue;
      }
      seen.set(key, route);
      this.routes.push(route);
      this.insert(route);
    }
  }

  private insert(route: Route<T>): void {
    const { segments, mode, slash, method } = route.pattern;
    let node = this.root;
    let kind: 'exact' | 'greedy' | 'prefix' | 'prefixSlash' =
      mode === 'NORMAL' ? 'exact' : slash ? 'prefixSlash' : 'prefix';
    for (const seg of segments) {
      if (seg.kind === 'greedy') {
        kind = 'greedy';
        break;
      }
      if (seg.kind === 'param') node = node.param ??= {};
      else {
        node.statics ??= new Map();
        let next = node.statics.get(seg.text);
        if (!next) node.statics.set(seg.text, (next = {}));
        node = next;
      }
    }
    const terminal: Terminal<T> = (node[kind] ??= { byMethod: new Map() });
    if (method === 'ANY') terminal.any = route;
    else terminal.byMethod.set(method, route);
    if (kind === 'exact' && segments.every((s) => s.kind === 'static'))
      this.staticExact.set(route.pattern.path, terminal);
  }

  /** The winning route for a request path (raw, as sent, without the query string). */
  match(method: string, path: string): MatchResult<T> {
    const fast = path.includes('%') ? undefined : this.staticExact.get(path);
    const hit = fast && (fast.byMethod.get(method) ?? fast.any);
    if (hit) return { kind: 'match', route: hit, params: {}, remainder: '' };
    const raw = path.split('/');
    raw.shift();
    const segs = raw.map(decodeSegment);
    const walk: Walk = { method, segs, caps: [], sawPath: false };
    const exact = this.exact(this.root, 0, walk);
    if (exact) return this.result(exact, walk.caps, '');
    const best = { route: undefined as Route<T> | undefined, len: -1, caps: [] as string[], at: 0 };
    walk.caps = [];
    this.prefix(this.root, 0, walk, best);
    if (best.route) {
      const rest = raw.slice(best.at).join('/');
      const remainder = best.route.pattern.slash ? rest : best.at === raw.length ? '' : `/${rest}`;
      return this.result(best.route, best.caps, remainder);
    }
    return walk.sawPath ? { kind: 'method' } : { kind: 'none' };
  }

  private result(route: Route<T>, caps: string[], remainder: string): MatchResult<T> {
    const params: Record<string, string> = {};
    route.paramNames.forEach((name, i) => {
      params[name] = caps[i] ?? '';
    });
    return { kind: 'match', route, params, remainder };
  }

  private take(t: Terminal<T> | undefined, walk: Walk): Route<T> | undefined {
    if (!t) return undefined;
    const route = t.byMethod.get(walk.method) ?? t.any;
    if (!route) walk.sawPath = true;
    return route;
  }

  /** Depth-first, static before {param} before {param+}: the first full match is the winner. */
  private exact(node: Node<T>, i: number, walk: Walk): Route<T> | undefined {
    const { segs, caps } = walk;
    if (i === segs.length) return this.take(node.exact, walk);
    const seg = segs[i] as string;
    const child = node.statics?.get(seg);
    if (child) {
      const r = this.exact(child, i + 1, walk);
      if (r) return r;
    }
    if (node.param && seg !== '') {
      caps.push(seg);
      const r = this.exact(node.param, i + 1, walk);
      if (r) return r;
      caps.pop();
    }
    if (node.greedy) {
      const rest = segs.slice(i).join('/');
      if (rest !== '') {
        const r = this.take(node.greedy, walk);
        if (r) {
          caps.push(rest);
          return r;
        }
      }
    }
    return undefined;
  }

  /** Every prefix that matches; the longest wins, and among equals the first found (the most static). */
  private prefix(
    node: Node<T>,
    i: number,
    walk: Walk,
    best: { route?: Route<T>; len: number; caps: string[]; at: number },
  ): void {
    const { segs, caps } = walk;
    if (node.prefix && 2 * i > best.len) {
      const r = this.take(node.prefix, walk);
      if (r) Object.assign(best, { route: r, len: 2 * i, caps: [...caps], at: i });
    }
    if (node.prefixSlash && i < segs.length && 2 * i + 1 > best.len) {
      const r = this.take(node.prefixSlash, walk);
      if (r) Object.assign(best, { route: r, len: 2 * i + 1, caps: [...caps], at: i });
    }
    if (i === segs.length) return;
    const seg = segs[i] as string;
    const child = node.statics?.get(seg);
    if (child) this.prefix(child, i + 1, walk, best);
    if (node.param && seg !== '') {
      caps.push(seg);
      this.prefix(node.param, i + 1, walk, best);
      caps.pop();
    }
  }

  /**
   * Every route that matches, best first, by the precedence comparator alone (no trie): for the trace
   * ("why this API and not that one") and as the oracle of the router's tests. Linear; never on the hot path.
   */
  candidates(method: string, path: string): Route<T>[] {
    const segs = path.split('/').slice(1).map(decodeSegment);
    return this.routes
      .filter((r) => (r.pattern.method === 'ANY' || r.pattern.method === method) && matchesAlone(r.pattern, segs))
      .sort((a, b) => comparePrecedence(a.pattern, b.pattern));
  }
}
