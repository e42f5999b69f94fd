import { EntitySchema } from '@mikro-orm/core';
import { BookTitle, Mail, Recipient } from '../../domain';

/** One row or document per mail, keyed by the event that decided it (unique by construction). */
export const MailSchema = new EntitySchema<Mail>({
  class: Mail,
  tableName: 'mail',
  indexes: [{ properties: ['status', 'notBefore'] }],
  properties: {
    eventId: { type: 'string', primary: true },
    kind: { type: 'string' },
    memberId: { type: 'string' },
    bookId: { type: 'string', nullable: true },
    deadline: { type: 'Date', nullable: true },
    status: { type: 'string' },
    attempts: { type: 'integer' },
    notBefore: { type: 'Date' },
    claim: { type: 'integer' },
    lastError: { type: 'text', nullable: true },
    decidedAt: { type: 'Date' },
    sentAt: { type: 'Date', nullable: true },
  },
});

export const RecipientSchema = new EntitySchema<Recipient>({
  class: Recipient,
  tableName: 'recipient',
  properties: {
    memberId: { type: 'string', primary: true },
    email: { type: 'string' },
    name: { type: 'string' },
  },
});

export const BookTitleSchema = new EntitySchema<BookTitle>({
  class: BookTitle,
  tableName: 'book_title',
  properties: {
    bookId: { type: 'string', primary: true },
    title: { type: 'text' },
  },
});

/** Every entity of the worker's own database. */
export const NOTIFICATION_ENTITIES = [MailSchema, RecipientSchema, BookTitleSchema];
