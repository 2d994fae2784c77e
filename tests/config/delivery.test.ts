import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../../src/config/load.js';
import { smtpSettings } from '../../src/config/delivery.js';

describe('delivery config', () => {
  it('has safe defaults: no private targets, 6 alerts an hour, 8 attempts', () => {
    const r = parseConfigText('brands: []\n');
    expect(r.ok && r.config.delivery).toMatchObject({ allowPrivateTargets: [], maxPerHour: 6, maxAttempts: 8, retryBaseMs: 30_000, retryMaxMs: 3_600_000 });
  });

  it('names each bad delivery setting', () => {
    const r = parseConfigText(`delivery:\n  allowPrivateTargets: [loopback, "10.0.0.0/33", intranet]\n  maxPerHour: 0\n  dashboardUrl: not a url\n  smtp: { port: 70000, passwordEnv: "my password" }\n`);
    expect(r.ok).toBe(false);
    const problems = r.ok ? [] : r.problems;
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(/^delivery\.allowPrivateTargets\[1\]: use one of loopback, private/),
      expect.stringMatching(/^delivery\.allowPrivateTargets\[2\]: /),
      expect.stringMatching(/^delivery\.maxPerHour: /),
      expect.stringMatching(/^delivery\.dashboardUrl: /),
      expect.stringMatching(/^delivery\.smtp\.port: /),
      expect.stringMatching(/^delivery\.smtp\.passwordEnv: an environment variable name/),
    ]));
    expect(problems).toHaveLength(6);
  });

  it('takes SMTP host, port, user and password from the environment, never the password from the file', () => {
    expect(smtpSettings(undefined, { EARSHOT_SMTP_HOST: 'mail.example.com', EARSHOT_SMTP_USER: 'bot', EARSHOT_SMTP_PASSWORD: 'pw' })).toMatchObject({
      host: 'mail.example.com',
      port: 587,
      secure: false,
      auth: { user: 'bot', pass: 'pw' },
    });
    const r = parseConfigText('delivery:\n  smtp: { host: smtp.example.com, secure: true, user: alerts, passwordEnv: ALERT_PW }\n');
    const smtp = r.ok ? r.config.delivery.smtp : undefined;
    expect(smtpSettings(smtp, { ALERT_PW: 'x' })).toMatchObject({ host: 'smtp.example.com', port: 465, secure: true, auth: { user: 'alerts', pass: 'x' } });
    expect(() => smtpSettings(smtp, {})).toThrow("SMTP user 'alerts' is set but the password variable ALERT_PW is empty");
    expect(() => smtpSettings(undefined, {})).toThrow(/delivery\.smtp\.host/);
    expect(() => parseConfigText('delivery:\n  smtp: { password: x }\n')).not.toThrow();
    expect(parseConfigText('delivery:\n  smtp: { password: x }\n').ok).toBe(false);
  });
});
