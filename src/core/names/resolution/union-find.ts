// The clusters of forms the merge rules build: a union-find over form ids, with pairs a stated renaming keeps apart.

export class UnionFind {
  parent: number[] = [];
  /** Pairs that must stay apart (stated renamings), kept per root. */
  apart = new Map<number, Set<number>>();
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(x: number): number {
    const p = this.parent;
    while (p[x] !== x) {
      p[x] = p[p[x]];
      x = p[x];
    }
    return x;
  }
  separate(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (!this.apart.has(ra)) this.apart.set(ra, new Set());
    if (!this.apart.has(rb)) this.apart.set(rb, new Set());
    this.apart.get(ra)!.add(rb);
    this.apart.get(rb)!.add(ra);
  }
  canUnion(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const s = this.apart.get(ra);
    if (!s) return true;
    for (const x of s) if (this.find(x) === rb) return false;
    return true;
  }
  union(a: number, b: number, force = false): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    if (!force && !this.canUnion(a, b)) return false;
    this.parent[rb] = ra;
    const sb = this.apart.get(rb);
    if (sb) {
      const sa = this.apart.get(ra) ?? new Set<number>();
      for (const x of sb) sa.add(x);
      this.apart.set(ra, sa);
      this.apart.delete(rb);
    }
    return true;
  }
}
