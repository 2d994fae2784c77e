import { z } from 'zod';
import ipaddr from 'ipaddr.js';

/**
 * Address classes a target may be allowed into despite the SSRF guard (see
 * src/alerts/target-guard.ts), or a CIDR such as 127.0.0.1/32.
 */
export const ADDRESS_CLASSES = ['loopback', 'private', 'link-local', 'unique-local', 'cgnat'] as const;

const allowEntry = z
  .string()
  .trim()
  .refine((v) => (ADDRESS_CLASSES as readonly string[]).includes(v) || isCidr(v), {
    message: `use one of ${ADDRESS_CLASSES.join(', ')} or a CIDR such as 127.0.0.1/32`,
  });

function isCidr(value: string): boolean {
  try {
    ipaddr.parseCIDR(value);
    return true;
  } catch {
    return false;
  }
}

export const smtpSchema = z.strictObject({
  /** Default: the EARSHOT_SMTP_HOST variable. */
  host: z.string().trim().min(1).optional(),
  /** Default: EARSHOT_SMTP_PORT, else 465 when secure and 587 otherwise. */
  port: z.number().int().min(1).max(65535).optional(),
  /** true: TLS from the first byte (port 465). false: STARTTLS when the server offers it. */
  secure: z.boolean().default(false),
  /** Refuse to send unless STARTTLS succeeds (with secure: false). */
  requireTLS: z.boolean().default(false),
  /** Default: EARSHOT_SMTP_USER; no user means no AUTH. */
  user: z.string().min(1).optional(),
  /** The variable that holds the password; never the password itself. */
  passwordEnv: z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'an environment variable name such as EARSHOT_SMTP_PASSWORD').default('EARSHOT_SMTP_PASSWORD'),
  from: z.string().min(3).default('Earshot <earshot@localhost>'),
  /** false accepts self-signed server certificates (a local relay); keep true elsewhere. */
  rejectUnauthorized: z.boolean().default(true),
});

export const deliverySchema = z.strictObject({
  /** Base address of the dashboard, for the links in alerts. */
  dashboardUrl: z.url().default('http://localhost:8787'),
  /** Webhook and Slack targets in these ranges are accepted; every other non-public address is refused. */
  allowPrivateTargets: z.array(allowEntry).default([]),
  /** Alerts one subscription gets in any hour before the rest are folded into one summary. */
  maxPerHour: z.number().int().min(1).default(6),
  maxAttempts: z.number().int().min(1).max(50).default(8),
  /** Retry delay: a random wait up to min(max, base · 2^(attempt-1)) ("full jitter"). */
  retryBaseMs: z.number().int().min(1).default(30_000),
  retryMaxMs: z.number().int().min(1).default(3_600_000),
  timeoutMs: z.number().int().min(100).default(10_000),
  /** Sends in flight at once. */
  concurrency: z.number().int().min(1).max(32).default(4),
  smtp: smtpSchema.optional(),
});

export type DeliveryConfig = z.output<typeof deliverySchema>;
export type SmtpConfig = z.output<typeof smtpSchema>;

export const DEFAULT_DELIVERY: DeliveryConfig = deliverySchema.parse({});

export interface SmtpSettings {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  auth?: { user: string; pass: string };
  from: string;
  rejectUnauthorized: boolean;
}

export class SmtpConfigError extends Error {}

/** SMTP settings with the environment filled in; throws naming what is missing. */
export function smtpSettings(config: SmtpConfig | undefined, env: NodeJS.ProcessEnv = process.env): SmtpSettings {
  const host = config?.host ?? env.EARSHOT_SMTP_HOST;
  if (!host) throw new SmtpConfigError('e-mail needs an SMTP server: set delivery.smtp.host in the config or EARSHOT_SMTP_HOST');
  const secure = config?.secure ?? false;
  const envPort = env.EARSHOT_SMTP_PORT ? Number(env.EARSHOT_SMTP_PORT) : undefined;
  if (envPort !== undefined && !(Number.isInteger(envPort) && envPort > 0 && envPort < 65536)) {
    throw new SmtpConfigError(`EARSHOT_SMTP_PORT: '${env.EARSHOT_SMTP_PORT}' is not a port number`);
  }
  const port = config?.port ?? envPort ?? (secure ? 465 : 587);
  const user = config?.user ?? env.EARSHOT_SMTP_USER;
  const passwordEnv = config?.passwordEnv ?? 'EARSHOT_SMTP_PASSWORD';
  let auth: SmtpSettings['auth'];
  if (user) {
    const pass = env[passwordEnv];
    if (!pass) throw new SmtpConfigError(`SMTP user '${user}' is set but the password variable ${passwordEnv} is empty`);
    auth = { user, pass };
  }
  return {
    host,
    port,
    secure,
    requireTLS: config?.requireTLS ?? false,
    auth,
    from: config?.from ?? 'Earshot <earshot@localhost>',
    rejectUnauthorized: config?.rejectUnauthorized ?? true,
  };
}
