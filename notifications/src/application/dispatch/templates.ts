import type { MailKind } from '../../domain';

/** Everything a template may show; each value is the reader's or a librarian's text, so escaped in HTML. */
export interface MailFacts {
  readonly kind: MailKind;
  readonly name: string;
  readonly title: string | null;
  readonly deadline: Date | null;
}

export interface RenderedMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** HTML-escapes one interpolated value. Every value reaches HTML only through this. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// Built once: constructing an Intl.DateTimeFormat loads locale data, and was the mail worker's
// largest cost of its own in a CPU profile of the cluster borrowing (docs/benchmarks.md).
const DAY = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' });
const TIME = new Intl.DateTimeFormat('en-GB', { timeStyle: 'short', timeZone: 'UTC' });

/** A day as readers read it, in UTC (the library's clock), e.g. "Sunday, 13 December 2026". */
export function formatDay(at: Date): string {
  return DAY.format(at);
}

/** A day and time, e.g. "Sunday, 13 December 2026, 10:00 UTC" (a pickup deadline is to the hour). */
export function formatMoment(at: Date): string {
  return `${formatDay(at)}, ${TIME.format(at)} UTC`;
}

/**
 * One mail's content: a paragraph list, each paragraph plain text with optional emphasised parts,
 * rendered once as text and once as escaped HTML, so the two bodies always say the same thing.
 */
type Part = string | { readonly strong: string };
interface Content {
  readonly subject: string;
  readonly paragraphs: readonly (readonly Part[])[];
}

function content(facts: MailFacts): Content {
  const title = facts.title ?? 'your book';
  const due = facts.deadline ? formatDay(facts.deadline) : '';
  const greeting: Part[] = [`Dear ${facts.name},`];
  const signOff: Part[] = ['Shelfmark, your library'];
  switch (facts.kind) {
    case 'WELCOME':
      return {
        subject: `Welcome to the library, ${facts.name}`,
        paragraphs: [
          greeting,
          [
            'Welcome to Shelfmark. Your library card is on its way; you can search the catalogue and borrow books now.',
          ],
          signOff,
        ],
      };
    case 'LOAN_RECEIPT':
      return {
        subject: `Your loan: ${title}`,
        paragraphs: [
          greeting,
          ['You borrowed ', { strong: title }, '.'],
          ['Please return it by ', { strong: due }, '.'],
          signOff,
        ],
      };
    case 'DUE_SOON':
      return {
        subject: `${title} is due on ${due}`,
        paragraphs: [
          greeting,
          [{ strong: title }, ' is due back on ', { strong: due }, '. Return or renew it by then.'],
          signOff,
        ],
      };
    case 'OVERDUE':
      return {
        subject: `${title} is overdue`,
        paragraphs: [
          greeting,
          [{ strong: title }, ' was due back on ', { strong: due }, '. Please return it as soon as you can.'],
          ['While a loan is overdue you cannot borrow other books.'],
          signOff,
        ],
      };
    case 'HOLD_READY':
      return {
        subject: `${title} is waiting for you`,
        paragraphs: [
          greeting,
          [{ strong: title }, ', which you reserved, is on the hold shelf.'],
          [
            'Pick it up by ',
            { strong: facts.deadline ? formatMoment(facts.deadline) : '' },
            '; after that it goes to the next reader.',
          ],
          signOff,
        ],
      };
  }
}

const asText = (part: Part) => (typeof part === 'string' ? part : part.strong);
const asHtml = (part: Part) =>
  typeof part === 'string' ? escapeHtml(part) : `<strong>${escapeHtml(part.strong)}</strong>`;

/** The subject and both bodies of a mail. */
export function renderMail(facts: MailFacts): RenderedMail {
  const { subject, paragraphs } = content(facts);
  const text = `${paragraphs.map((p) => p.map(asText).join('')).join('\n\n')}\n`;
  const html = [
    '<!doctype html>',
    `<html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>`,
    ...paragraphs.map((p) => `<p>${p.map(asHtml).join('')}</p>`),
    '</body></html>',
    '',
  ].join('\n');
  return { subject, text, html };
}
