import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('the mail configuration', () => {
  it('is off when SMTP_URL is unset', () => {
    expect(loadConfig({}).smtpUrl).toBeUndefined();
  });

  it('reads the SMTP address and the sender', () => {
    const config = loadConfig({
      SMTP_URL: 'smtps://u:p@mail.chu.fr:465',
      MAIL_FROM: 'Blouse <blouse@chu.fr>',
    });
    expect(config).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.chu.fr:465',
      mailFrom: 'Blouse <blouse@chu.fr>',
    });
  });

  it('refuses another scheme, a sender that is not an address, or an address without a sender', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.chu.fr', MAIL_FROM: 'a@b.fr' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.chu.fr', MAIL_FROM: 'Blouse' })).toThrow(/MAIL_FROM/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.chu.fr' })).toThrow(ConfigError);
  });
});
