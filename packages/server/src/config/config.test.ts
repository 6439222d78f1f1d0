import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_CHECK_LIMITS,
  DEFAULT_MENTION_RETENTION_DAYS,
  DEFAULT_TIMEOUTS,
  loadConfig,
} from './config.js';

describe('timeouts and check limits in the configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config.timeouts).toEqual(DEFAULT_TIMEOUTS);
    expect(config.checkLimits).toEqual(DEFAULT_CHECK_LIMITS);
  });

  it('reads them from the environment, in seconds, and never lets headers outlast the request', () => {
    const config = loadConfig({
      BLOUSE_REQUEST_TIMEOUT_S: '0.5',
      BLOUSE_HEADERS_TIMEOUT_S: '30',
      BLOUSE_CHECKS_IN_FLIGHT: '4',
      BLOUSE_GUARD_WORKERS: '3',
    });
    expect(config.timeouts.requestMs).toBe(500);
    expect(config.timeouts.headersMs).toBe(500);
    expect(config.checkLimits.inFlightPerUser).toBe(4);
    expect(config.checkLimits.workers).toBe(3);
    expect(() => loadConfig({ BLOUSE_REQUEST_TIMEOUT_S: '0' })).toThrow(/BLOUSE_REQUEST_TIMEOUT_S/);
    expect(() => loadConfig({ BLOUSE_GUARD_WORKERS: '0' })).toThrow(/BLOUSE_GUARD_WORKERS/);
  });
});

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

describe('the retention of listening mentions', () => {
  it('keeps them 90 days by default', () => {
    expect(loadConfig({}).mentionRetentionDays).toBe(DEFAULT_MENTION_RETENTION_DAYS);
    expect(DEFAULT_MENTION_RETENTION_DAYS).toBe(90);
  });

  it('reads a whole number of days and refuses zero, negatives and fractions', () => {
    expect(loadConfig({ BLOUSE_MENTION_RETENTION_DAYS: '30' }).mentionRetentionDays).toBe(30);
    for (const bad of ['0', '-5', '1.5', 'trois'])
      expect(() => loadConfig({ BLOUSE_MENTION_RETENTION_DAYS: bad })).toThrow(
        /BLOUSE_MENTION_RETENTION_DAYS/,
      );
  });
});
