import nodemailer, { type Transporter } from 'nodemailer';
import type { Config } from '../config/config.js';

/** A file sent with an e-mail: the monthly report's PDF. */
export interface MailAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** One e-mail: plain French text, no HTML; attachments only where the mail is the delivery. */
export interface MailMessage {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly attachments?: readonly MailAttachment[];
}

/** The SMTP transport of a configuration, made once; none when SMTP_URL is unset. */
const transports = new WeakMap<Config, Transporter>();

export function transportFor(config: Config): Transporter | null {
  if (config.smtpUrl === undefined) return null;
  let transport = transports.get(config);
  if (transport === undefined) {
    const url = new URL(config.smtpUrl);
    const secure = url.protocol === 'smtps:';
    transport = nodemailer.createTransport(
      {
        host: url.hostname,
        port: url.port === '' ? (secure ? 465 : 587) : Number(url.port),
        secure,
        auth:
          url.username === ''
            ? undefined
            : { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) },
        // A mail server that does not answer must not keep sockets for minutes.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 20_000,
      },
      { from: config.mailFrom },
    );
    transports.set(config, transport);
  }
  return transport;
}
