// A small seeded PRNG (mulberry32) and the draws the generator needs. Nothing here reads the clock
// or Math.random, so one seed always yields the same sequence.

/** Code-point order: unlike localeCompare, the same on every machine and locale. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** FNV-1a over the parts, so that each generation phase gets a stream of its own. */
export function hashSeed(...parts: (string | number)[]): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join("\u0000")) {
    hash ^= char.codePointAt(0) as number;
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export class Random {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** A stream derived from a seed and a label: phases draw independently of one another. */
  static stream(seed: number, label: string): Random {
    return new Random(hashSeed(seed, label));
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** k distinct items, in draw order (partial Fisher–Yates on a copy). */
  sample<T>(items: readonly T[], k: number): T[] {
    const copy = [...items];
    const count = Math.min(k, copy.length);
    for (let i = 0; i < count; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, count);
  }
}

/** Picks indices in proportion to fixed weights, by binary search over the running totals. */
export class WeightedIndex {
  readonly #totals: Float64Array;

  constructor(weights: readonly number[]) {
    this.#totals = new Float64Array(weights.length);
    let total = 0;
    weights.forEach((weight, index) => {
      total += Math.max(0, weight);
      this.#totals[index] = total;
    });
    if (total <= 0) throw new RangeError("weights must not all be zero");
  }

  draw(random: Random): number {
    const totals = this.#totals;
    const target = random.next() * (totals[totals.length - 1] as number);
    let low = 0;
    let high = totals.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((totals[middle] as number) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

/** Draws one of a few labelled options by weight, e.g. `choose(random, { DAY: 8, MONTH: 2 })`. */
export function choose<K extends string>(random: Random, weights: Record<K, number>): K {
  const entries = Object.entries(weights) as [K, number][];
  let target = random.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
  for (const [key, weight] of entries) {
    target -= weight;
    if (target < 0) return key;
  }
  return (entries[entries.length - 1] as [K, number])[0];
}
