import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { DeliveryChannel, type OutboxMessage } from './outbox-message.entity.js';

/** What delivering one message needs to know about how it went. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    /** True when trying again cannot help (the server refused the recipient for good). */
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = 'DeliveryError';
  }
}

export interface MailTransport {
  readonly channel: DeliveryChannel;
  send(message: OutboxMessage): Promise<void>;
  close(): void;
}

/** The e-mail as nodemailer takes it: fixed Message-ID, HTML + text, the calendar entry as an iTIP part. */
export function mailOptions(message: OutboxMessage, from: string): SendMailOptions {
  // The first calendar goes as the iTIP part mail programs act on; any further one is a plain attachment.
  const calendar = message.attachments.find((a) => a.method);
  return {
    from,
    to: { name: message.toName, address: message.toAddress! },
    subject: message.subject,
    html: message.html,
    text: message.text,
    messageId: message.messageId,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-MPS-Kind': message.kind },
    // An iTIP method part lets mail programs offer "add / update / remove" in place; it is also attached as a file.
    icalEvent: calendar ? { method: calendar.method, filename: calendar.filename, content: calendar.content } : undefined,
    attachments: message.attachments
      .filter((a) => a !== calendar)
      .map((a) => ({ filename: a.filename, content: a.encoding === 'base64' ? Buffer.from(a.content, 'base64') : a.content, contentType: a.contentType })),
  };
}

/** SMTP answers 5xx for good and 4xx for now; connection trouble is for now. */
function classify(error: unknown): DeliveryError {
  const e = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const detail = e.response ?? e.message ?? String(error);
  const permanent = typeof e.responseCode === 'number' && e.responseCode >= 500 && e.responseCode < 600;
  return new DeliveryError(`${e.code ? `${e.code}: ` : ''}${detail}`.slice(0, 1000), permanent);
}

class SmtpTransport implements MailTransport {
  readonly channel = DeliveryChannel.SMTP;
  private readonly transporter: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    // Pooled: a burst of e-mails reuses a few connections. Timeouts stay well inside the delivery lease.
    this.transporter = nodemailer.createTransport({
      url,
      pool: true,
      maxConnections: 5,
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    } as SMTPTransport.Options);
  }

  async send(message: OutboxMessage): Promise<void> {
    try {
      const info = await this.transporter.sendMail(mailOptions(message, this.from));
      if (info.rejected?.length) throw Object.assign(new Error(`Recipient refused: ${info.rejected.join(', ')}`), { responseCode: 550 });
    } catch (error) {
      throw classify(error);
    }
  }

  close(): void {
    this.transporter.close();
  }
}

/** No SMTP_URL: the e-mail counts as delivered here and is read in the console's mailbox. */
class MailboxTransport implements MailTransport {
  readonly channel = DeliveryChannel.MAILBOX;
  async send(): Promise<void> {}
  close(): void {}
}

export function createMailTransport(smtpUrl: string | null, from: string): MailTransport {
  return smtpUrl ? new SmtpTransport(smtpUrl, from) : new MailboxTransport();
}
