import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { EventContext } from './EventContext';
import { activeTraceparent } from './telemetry';

/**
 * CloudEvents 1.0, JSON structured mode, with Shelfmark's tracing extensions.
 * `subject` is the id of the aggregate the event belongs to: the bus keys messages by it, so one
 * aggregate's events stay in order.
 */
export interface CloudEvent<Type extends string = string, Data = unknown> {
  readonly specversion: '1.0';
  readonly id: string;
  readonly source: string;
  readonly type: Type;
  readonly subject: string;
  readonly time: string;
  readonly datacontenttype: 'application/json';
  readonly data: Data;
  /** The request (or first event) that started this chain of work. */
  readonly correlationid: string;
  /** The id of the request or event that directly caused this one. */
  readonly causationid: string;
  /** W3C trace context of the producing span, so a trace follows the event across the bus. */
  readonly traceparent?: string;
}

/** Validates the envelope only; `data` is checked against the type's contract separately. */
export const cloudEventEnvelope = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1),
  source: z.string().min(1),
  type: z
    .string()
    .regex(/^shelfmark\.[a-z]+\.[a-z-]+\.v\d+$/, 'type must be shelfmark.<context>.<event>.v<N>'),
  subject: z.string().min(1),
  time: z.iso.datetime({ offset: true }),
  datacontenttype: z.literal('application/json'),
  data: z.unknown(),
  correlationid: z.string().min(1),
  causationid: z.string().min(1),
  traceparent: z.string().optional(),
});

/** The context that owns an event type: `shelfmark.loans.loan-borrowed.v1` → `loans`. */
export function contextOf(type: string): string {
  const context = type.split('.')[1];
  if (!context) throw new Error(`Not a Shelfmark event type: ${type}`);
  return context;
}

/**
 * Builds an event stamped with the ambient {@link EventContext} (correlation, causation, trace),
 * so domain code only says what happened.
 */
export function createEvent<Type extends string, Data>(
  type: Type,
  subject: string,
  data: Data,
  now: Date = new Date(),
): CloudEvent<Type, Data> {
  const id = randomUUID();
  const ctx = EventContext.current();
  return {
    specversion: '1.0',
    id,
    source: `urn:shelfmark:${contextOf(type)}`,
    type,
    subject,
    time: now.toISOString(),
    datacontenttype: 'application/json',
    data,
    correlationid: ctx?.correlationId ?? id,
    causationid: ctx?.causationId ?? ctx?.correlationId ?? id,
    ...traceOf(ctx?.traceparent),
  };
}

/** The span recording the event when tracing is on; else the caller's traceparent, carried along. */
function traceOf(carried: string | undefined): { traceparent?: string } {
  const traceparent = activeTraceparent() ?? carried;
  return traceparent ? { traceparent } : {};
}
