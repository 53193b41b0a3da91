/**
 * A message the primary sends to several workers at once, done when each has answered, or ended: a move of the
 * virtual clock (done when every worker has set its clock) and a reload (done when every worker has reloaded).
 */
export class Rounds<W, R> {
  private next = 1;
  private readonly open = new Map<number, { waiting: Set<W>; replies: R[]; done(replies: R[]): void }>();

  /** Sends the round's message to each of `to` (`send`), and calls `done` with their answers. */
  start(to: Iterable<W>, send: (worker: W, id: number) => void, done: (replies: R[]) => void): void {
    const id = this.next++;
    const waiting = new Set(to);
    this.open.set(id, { waiting, replies: [], done });
    for (const w of waiting) send(w, id);
    this.settle(id);
  }

  /** A worker's answer to round `id`. */
  answer(id: number, from: W, reply: R): void {
    const round = this.open.get(id);
    if (!round?.waiting.delete(from)) return;
    round.replies.push(reply);
    this.settle(id);
  }

  /** A worker ended: no round waits for it. */
  gone(worker: W): void {
    for (const [id, round] of this.open) if (round.waiting.delete(worker)) this.settle(id);
  }

  get busy(): boolean {
    return this.open.size > 0;
  }

  private settle(id: number): void {
    const round = this.open.get(id);
    if (!round || round.waiting.size > 0) return;
    this.open.delete(id);
    round.done(round.replies);
  }
}
