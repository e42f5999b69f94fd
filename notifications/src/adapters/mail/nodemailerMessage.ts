import type { OutgoingMail } from '../../domain';

/** The nodemailer message of an outgoing mail: identical on every attempt (same Message-ID, same Date). */
export function nodemailerMessage(mail: OutgoingMail, from: string) {
  return {
    from,
    to: { name: mail.to.name, address: mail.to.address },
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    messageId: mail.messageId,
    date: mail.date,
    headers: { 'X-Shelfmark-Event-Id': mail.eventId, 'X-Shelfmark-Mail': mail.kind },
  };
}
