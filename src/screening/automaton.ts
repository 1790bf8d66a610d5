// An Aho–Corasick automaton over UTF-16 code units, no allocation while scanning. The patterns'
// own characters form a small alphabet; any other character leads back to the root, since no
// pattern contains it. A state with two or more children has a full row of transitions (one
// table lookup); a state with one child or none (most states: the insides of long patterns) keeps
// only that child and its failure link, and a character other than the child's follows the link.
// The same transitions as a full table, in about a tenth of the memory: the scan's time went on
// cache misses in a table of megabytes.

/** The child class of a state with no child: above every class (at most 254), so never read. */
const LEAF = 255;

export class PhraseAutomaton<T> {
  /** Code unit → alphabet class; 0 is "in no pattern". */
  private readonly cls = new Uint8Array(65536);
  private readonly width: number;
  /**
   * Full rows of the branching states: delta[row[state] * width + class]. 16-bit while the states
   * fit (half the bytes miss the cache less).
   */
  private readonly delta: Uint16Array | Int32Array;
  /** Each state's row in `delta`, or -1 for a state with one child or none. */
  private readonly row: Int32Array;
  /** A state without a row: its child's class (LEAF when it has none), the child, its failure link. */
  private readonly childClass: Uint8Array;
  private readonly child: Uint16Array | Int32Array;
  private readonly fail: Uint16Array | Int32Array;
  /** Matches ending in each state: outputs[outStart[s] .. outStart[s + 1]) index `entries`. */
  private readonly outStart: Int32Array;
  private readonly outputs: Int32Array;
  /** Each entry's pattern length, so a match's start needs no read of the entry object. */
  readonly lengths: Int32Array;
  /** scanAll's answer: (entry, end) pairs, reused from call to call and grown as needed. */
  found = new Int32Array(1024);

  constructor(readonly entries: readonly { pattern: string; data: T }[]) {
    this.lengths = Int32Array.from(entries, (e) => e.pattern.length);
    const classes = new Map<number, number>();
    for (const e of entries) for (let i = 0; i < e.pattern.length; i++) {
      const c = e.pattern.charCodeAt(i);
      if (!classes.has(c)) classes.set(c, classes.size + 1);
    }
    if (classes.size > 254) throw new Error('phrase alphabet too large for the automaton');
    for (const [c, k] of classes) this.cls[c] = k;
    const width = (this.width = classes.size + 1);
    // Trie: children per state, then breadth-first failure links folded into a full table.
    const children: Map<number, number>[] = [new Map()];
    const own: number[][] = [[]];
    entries.forEach((e, id) => {
      let s = 0;
      for (let i = 0; i < e.pattern.length; i++) {
        const k = this.cls[e.pattern.charCodeAt(i)]!;
        let next = children[s]!.get(k);
        if (next === undefined) {
          next = children.length;
          children.push(new Map());
          own.push([]);
          children[s]!.set(k, next);
        }
        s = next;
      }
      own[s]!.push(id);
    });
    const n = children.length;
    const delta = n <= 0x10000 ? new Uint16Array(n * width) : new Int32Array(n * width);
    const fail = new Int32Array(n);
    const all: number[][] = new Array(n);
    all[0] = own[0]!;
    const queue: number[] = [];
    for (const [k, t] of children[0]!) {
      delta[k] = t;
      queue.push(t);
    }
    for (let q = 0; q < queue.length; q++) {
      const s = queue[q]!;
      // Longest match first, then the shorter ones that end at the same place.
      all[s] = [...own[s]!, ...all[fail[s]!]!];
      for (let k = 0; k < width; k++) {
        const t = children[s]!.get(k);
        if (t === undefined) delta[s * width + k] = delta[fail[s]! * width + k]!;
        else {
          fail[t] = delta[fail[s]! * width + k]!;
          delta[s * width + k] = t;
          queue.push(t);
        }
      }
    }
    this.outStart = new Int32Array(n + 1);
    let total = 0;
    for (let s = 0; s < n; s++) {
      this.outStart[s] = total;
      total += all[s]!.length;
    }
    this.outStart[n] = total;
    this.outputs = new Int32Array(total);
    for (let s = 0; s < n; s++) this.outputs.set(all[s]!, this.outStart[s]!);
    // Keep the full rows of the root and the branching states only.
    const wide = n <= 0x10000;
    this.row = new Int32Array(n).fill(-1);
    this.childClass = new Uint8Array(n);
    this.child = wide ? new Uint16Array(n) : new Int32Array(n);
    this.fail = wide ? new Uint16Array(n) : new Int32Array(n);
    let rows = 0;
    for (let s = 0; s < n; s++) {
      if (s === 0 || children[s]!.size >= 2) this.row[s] = rows++;
      else {
        this.fail[s] = fail[s]!;
        const only = [...children[s]!][0];
        this.childClass[s] = only ? only[0] : LEAF;
        this.child[s] = only ? only[1] : 0;
      }
    }
    this.delta = wide ? new Uint16Array(rows * width) : new Int32Array(rows * width);
    for (let s = 0; s < n; s++) {
      const r = this.row[s]!;
      if (r >= 0) this.delta.set(delta.subarray(s * width, (s + 1) * width), r * width);
    }
  }

  /** The state after reading a character of class k in state s (the full table's entry). */
  private next(s: number, k: number): number {
    const { row, delta, width, childClass, child, fail } = this;
    for (;;) {
      const r = row[s]!;
      if (r >= 0) return delta[r * width + k]!;
      if (childClass[s] === k) return child[s]!;
      s = fail[s]!;
    }
  }

  /**
   * Every occurrence of every pattern as (entry, end) pairs in `found`, in scan's order; returns
   * how many. No call per occurrence: the caller walks the buffer with its own state in locals.
   */
  scanAll(text: string): number {
    const { cls, delta, width, outStart, outputs, row, childClass, child, fail } = this;
    let found = this.found;
    let n = 0;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      const k = cls[text.charCodeAt(i)]!;
      for (;;) {
        const r = row[s]!;
        if (r >= 0) {
          s = delta[r * width + k]!;
          break;
        }
        if (childClass[s] === k) {
          s = child[s]!;
          break;
        }
        s = fail[s]!;
      }
      const a = outStart[s]!;
      const b = outStart[s + 1]!;
      for (let o = a; o < b; o++) {
        if (n + 2 > found.length) {
          const grown = new Int32Array(found.length * 2);
          grown.set(found);
          found = this.found = grown;
        }
        found[n++] = outputs[o]!;
        found[n++] = i + 1;
      }
    }
    return n >> 1;
  }

  /** Calls `found(entry, start, end)` for every occurrence of every pattern (end exclusive). */
  scan(text: string, found: (entry: number, start: number, end: number) => void): void {
    const { cls, outStart, outputs, lengths } = this;
    let s = 0;
    for (let i = 0; i < text.length; i++) {
      s = this.next(s, cls[text.charCodeAt(i)]!);
      const a = outStart[s]!;
      const b = outStart[s + 1]!;
      for (let o = a; o < b; o++) {
        const id = outputs[o]!;
        found(id, i + 1 - lengths[id]!, i + 1);
      }
    }
  }
}
