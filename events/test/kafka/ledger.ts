import type { CloudEvent } from '../../src';

/**
 * The effects of a consumer under test, kept as a real consumer keeps them: keyed by event id,
 * so a redelivered event changes nothing. It also counts deliveries, so a test can tell "applied
 * once" (always required) from "delivered once" (what a clean run achieves).
 */
export class EffectLedger {
  private readonly applied = new Map<string, CloudEvent>();
  private readonly deliveries = new Map<string, number>();
  /** Ids in the order their effects were applied. */
  readonly order: string[] = [];

  /** The consumer's idempotent effect. */
  apply(event: CloudEvent): void {
    this.deliveries.set(event.id, (this.deliveries.get(event.id) ?? 0) + 1);
    if (this.applied.has(event.id)) return;
    this.applied.set(event.id, event);
    this.order.push(event.id);
  }

  has(id: string): boolean {
    return this.applied.has(id);
  }

  hasAll(ids: readonly string[]): boolean {
    return ids.every((id) => this.applied.has(id));
  }

  /** How many times each of these events was delivered (0 if never). */
  deliveriesOf(ids: readonly string[]): number[] {
    return ids.map((id) => this.deliveries.get(id) ?? 0);
  }

  /** How many of these events had their effect applied. */
  appliedCount(ids: readonly string[]): number {
    return ids.filter((id) => this.applied.has(id)).length;
  }
}

export function idsOf(events: ReadonlyArray<{ readonly id: string }>): string[] {
  return events.map((event) => event.id);
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}
