// Prometheus label values taken from client input (operation names) must stay few: every distinct
// value is a time series kept for the life of the process. The first `capacity` values are kept
// as they are; later ones, and absurdly long ones, share one label.
export class BoundedLabels {
  private readonly seen = new Set<string>();

  constructor(
    private readonly capacity: number,
    private readonly missing = "unnamed",
    private readonly overflow = "other",
    private readonly maxLength = 100,
  ) {}

  label(value: string | undefined | null): string {
    if (!value) return this.missing;
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.capacity || value.length > this.maxLength) return this.overflow;
    this.seen.add(value);
    return value;
  }
}
