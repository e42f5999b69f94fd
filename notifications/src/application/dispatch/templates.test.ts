import type { MailKind } from '../../domain';
import { escapeHtml, formatDay, formatMoment, renderMail } from './templates';

const due = new Date('2026-12-13T10:30:00.000Z');

describe('mail templates', () => {
  it('formats due dates as a reader reads them, in UTC', () => {
    expect(formatDay(due)).toBe('Sunday, 13 December 2026');
    expect(formatMoment(due)).toBe('Sunday, 13 December 2026, 10:30 UTC');
  });

  it.each<[MailKind, RegExp]>([
    ['WELCOME', /^Welcome to the library, Ada Reader$/],
    ['LOAN_RECEIPT', /^Your loan: Dune$/],
    ['DUE_SOON', /^Dune is due on Sunday, 13 December 2026$/],
    ['OVERDUE', /^Dune is overdue$/],
    ['HOLD_READY', /^Dune is waiting for you$/],
  ])('gives a %s mail its subject and greets the reader in both bodies', (kind, subject) => {
    const mail = renderMail({
      kind,
      name: 'Ada Reader',
      title: kind === 'WELCOME' ? null : 'Dune',
      deadline: due,
    });
    expect(mail.subject).toMatch(subject);
    expect(mail.text).toContain('Dear Ada Reader,');
    expect(mail.html).toContain('<p>Dear Ada Reader,</p>');
  });

  it('puts the title and due date in the text and HTML of a receipt, a reminder and an overdue notice', () => {
    for (const kind of ['LOAN_RECEIPT', 'DUE_SOON', 'OVERDUE'] as const) {
      const mail = renderMail({ kind, name: 'Ada', title: 'Dune', deadline: due });
      expect(mail.text).toContain('Dune');
      expect(mail.text).toContain('Sunday, 13 December 2026');
      expect(mail.html).toContain('<strong>Dune</strong>');
      expect(mail.html).toContain('<strong>Sunday, 13 December 2026</strong>');
    }
  });

  it('gives the pickup deadline of a hold to the minute', () => {
    const mail = renderMail({ kind: 'HOLD_READY', name: 'Ada', title: 'Dune', deadline: due });
    expect(mail.text).toContain('Pick it up by Sunday, 13 December 2026, 10:30 UTC');
    expect(mail.html).toContain('<strong>Sunday, 13 December 2026, 10:30 UTC</strong>');
  });

  it('escapes every interpolated value in HTML and leaves the text as written', () => {
    const title = '<script>alert("x")</script> & Sons';
    const name = `O'Brien <b>`;
    const mail = renderMail({ kind: 'LOAN_RECEIPT', name, title, deadline: due });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<b>');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Sons');
    expect(mail.html).toContain('Dear O&#39;Brien &lt;b&gt;,');
    expect(mail.html).toContain(`<title>Your loan: ${escapeHtml(title)}</title>`);
    expect(mail.text).toContain(title);
    expect(mail.text).toContain(`Dear ${name},`);
  });
});
