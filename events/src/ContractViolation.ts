import { cloudEventEnvelope } from './envelope';
import { contracts, isEventType, type ShelfmarkEvent } from './contracts';

/** An event that does not match its contract. It is never retried: it goes to the dead letters. */
export class ContractViolation extends Error {
  constructor(
    message: string,
    readonly issues: readonly string[],
  ) {
    super(`${message}: ${issues.join('; ')}`);
    this.name = 'ContractViolation';
  }
}

/** Checks an incoming event's envelope and data against its type's contract. */
export function parseEvent(raw: unknown): ShelfmarkEvent {
  const envelope = cloudEventEnvelope.safeParse(raw);
  if (!envelope.success) {
    throw new ContractViolation(
      'Malformed CloudEvent',
      envelope.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  }
  const { type } = envelope.data;
  if (!isEventType(type)) throw new ContractViolation('Unknown event type', [type]);
  const data = contracts[type].safeParse(envelope.data.data);
  if (!data.success) {
    throw new ContractViolation(
      `Event ${type} does not match its contract`,
      data.error.issues.map((i) => `data.${i.path.join('.')}: ${i.message}`),
    );
  }
  return { ...envelope.data, type, data: data.data } as ShelfmarkEvent;
}
