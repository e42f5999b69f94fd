/** A mail as a reader's client shows it: the headers that matter and both bodies, decoded. */
export interface ParsedMail {
  readonly headers: ReadonlyMap<string, string>;
  readonly subject: string;
  readonly to: string;
  readonly from: string;
  readonly messageId: string;
  readonly text: string;
  readonly html: string;
}

/**
 * Reads back an RFC 5322 message as nodemailer builds it (multipart/alternative, 7bit,
 * quoted-printable or base64 parts, RFC 2047 encoded words in headers). Enough MIME to check what
 * the worker wrote; not a general parser.
 */
export function parseMail(raw: string): ParsedMail {
  const { headers, body } = split(raw.replace(/\r\n/g, '\n'));
  const parts = partsOf(headers, body);
  const part = (type: string) => parts.find((p) => (p.headers.get('content-type') ?? '').startsWith(type));
  return {
    headers,
    subject: decodeWords(headers.get('subject') ?? ''),
    to: decodeWords(headers.get('to') ?? ''),
    from: decodeWords(headers.get('from') ?? ''),
    messageId: headers.get('message-id') ?? '',
    text: part('text/plain') ? decodeBody(part('text/plain')!) : '',
    html: part('text/html') ? decodeBody(part('text/html')!) : '',
  };
}

interface Part {
  readonly headers: Map<string, string>;
  readonly body: string;
}

function split(entity: string): Part {
  const end = entity.indexOf('\n\n');
  const head = end < 0 ? entity : entity.slice(0, end);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  return { headers, body: end < 0 ? '' : entity.slice(end + 2) };
}

function partsOf(headers: Map<string, string>, body: string): Part[] {
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
  if (!boundary) return [{ headers, body }];
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => split(chunk.replace(/^\n/, '')))
    .flatMap((part) => partsOf(part.headers, part.body));
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
  return part.body;
}

function decodeQuotedPrintable(text: string): string {
  const bytes: number[] = [];
  const soft = text.replace(/=\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BQ])\?([^?]*)\?=/gi, (_all, _charset: string, how: string, data: string) =>
      how.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : decodeQuotedPrintable(data.replace(/_/g, ' ')),
    );
}
