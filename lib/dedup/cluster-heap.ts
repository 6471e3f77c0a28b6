/** A candidate join of two groups: the share of their cross pairs that join, and their ids. */
export interface Candidate {
  share: number;
  a: number;
  b: number;
}

/**
 * Candidate joins, best share first and ties to the smaller ids (a total order, so the pops never
 * depend on the order of the pushes): a binary heap over parallel typed arrays. A busy day queues
 * tens of thousands of candidates, most of them gone stale before they pop; as objects they outlived
 * the young generation and were the garbage collector's largest share of the clustering.
 */
export class CandidateQueue {
  private shares = new Float64Array(1024);
  private as = new Int32Array(1024);
  private bs = new Int32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  push(share: number, a: number, b: number): void {
    if (this.count === this.shares.length) this.grow();
    let i = this.count++;
    // Sift up with a hole: parents move down until the new candidate's place is found.
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(share, a, b, parent)) break;
      this.place(i, parent);
      i = parent;
    }
    this.set(i, share, a, b);
  }

  /** Takes out the best candidate into `into`; false when none is left. */
  pop(into: Candidate): boolean {
    if (this.count === 0) return false;
    into.share = this.shares[0] as number;
    into.a = this.as[0] as number;
    into.b = this.bs[0] as number;
    const last = --this.count;
    if (last > 0) this.down(0, this.shares[last] as number, this.as[last] as number, this.bs[last] as number);
    return true;
  }

  /** Keeps only the candidates `keep` accepts, in one linear pass: cheaper than popping the rest one by one. */
  retain(keep: (share: number, a: number, b: number) => boolean): void {
    let kept = 0;
    for (let i = 0; i < this.count; i++) {
      const share = this.shares[i] as number;
      const a = this.as[i] as number;
      const b = this.bs[i] as number;
      if (keep(share, a, b)) this.set(kept++, share, a, b);
    }
    this.count = kept;
    for (let i = (kept >> 1) - 1; i >= 0; i--)
      this.down(i, this.shares[i] as number, this.as[i] as number, this.bs[i] as number);
  }

  /** Whether the candidate (share, a, b) comes out before the one at `i`. */
  private before(share: number, a: number, b: number, i: number): boolean {
    const other = this.shares[i] as number;
    if (share !== other) return share > other;
    const otherA = this.as[i] as number;
    return a < otherA || (a === otherA && b < (this.bs[i] as number));
  }

  /** Sifts (share, a, b) down from `start` with a hole: better children move up until its place is found. */
  private down(start: number, share: number, a: number, b: number): void {
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= this.count) break;
      const r = l + 1;
      const child = r < this.count && this.firstOf(r, l) ? r : l;
      if (this.before(share, a, b, child)) break;
      this.place(i, child);
      i = child;
    }
    this.set(i, share, a, b);
  }

  private firstOf(x: number, y: number): boolean {
    return this.before(this.shares[x] as number, this.as[x] as number, this.bs[x] as number, y);
  }

  private place(to: number, from: number): void {
    this.set(to, this.shares[from] as number, this.as[from] as number, this.bs[from] as number);
  }

  private set(i: number, share: number, a: number, b: number): void {
    this.shares[i] = share;
    this.as[i] = a;
    this.bs[i] = b;
  }

  private grow(): void {
    const size = this.shares.length * 2;
    const [shares, as, bs] = [new Float64Array(size), new Int32Array(size), new Int32Array(size)];
    shares.set(this.shares);
    as.set(this.as);
    bs.set(this.bs);
    [this.shares, this.as, this.bs] = [shares, as, bs];
  }
}
