/**
 * The SSRF guard for webhook and Slack targets: a subscription may only make Earshot post to
 * public addresses, unless the config allows a range (delivery.allowPrivateTargets). Every
 * address a name resolves to is checked, at create time and again at each send through the
 * socket's own lookup, so a name that re-resolves to 127.0.0.1 later (DNS rebinding) is refused
 * on the connection itself. IPv4-mapped and NAT64/6to4 IPv6 forms are judged by the IPv4 inside.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

export type Resolver = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export class TargetRefusedError extends Error {
  override name = 'TargetRefusedError';
}

type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

const CLASS_RANGES: Record<string, string[]> = {
  loopback: ['loopback'],
  private: ['private'],
  'link-local': ['linkLocal'],
  'unique-local': ['uniqueLocal'],
  cgnat: ['carrierGradeNat'],
};

export interface TargetPolicy {
  /** ipaddr.js range names that are allowed. */
  classes: Set<string>;
  cidrs: Range[];
}

/** From the config's allowPrivateTargets: class names and CIDRs. */
export function targetPolicy(allow: readonly string[] = []): TargetPolicy {
  const classes = new Set<string>();
  const cidrs: Range[] = [];
  for (const entry of allow) {
    if (CLASS_RANGES[entry]) CLASS_RANGES[entry]!.forEach((c) => classes.add(c));
    else cidrs.push(ipaddr.parseCIDR(entry));
  }
  return { classes, cidrs };
}

/** The address an IPv6 form stands for when it embeds an IPv4 one (mapped, NAT64, 6to4). */
function effective(addr: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (addr.kind() === 'ipv4') return addr;
  const v6 = addr as ipaddr.IPv6;
  if (v6.isIPv4MappedAddress()) return v6.toIPv4Address();
  const range = v6.range();
  const p = v6.parts;
  if (range === 'rfc6052') return ipaddr.fromByteArray([p[6]! >> 8, p[6]! & 255, p[7]! >> 8, p[7]! & 255]);
  if (range === '6to4') return ipaddr.fromByteArray([p[1]! >> 8, p[1]! & 255, p[2]! >> 8, p[2]! & 255]);
  return v6;
}

/** Why an address is refused, or null when it may be posted to. */
export function refusal(address: string, policy: TargetPolicy): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address);
  } catch {
    return `'${address}' is not an IP address`;
  }
  const addr = effective(parsed);
  const range = addr.range();
  if (range === 'unicast') return null;
  if (policy.classes.has(range)) return null;
  for (const [net, bits] of policy.cidrs) {
    if (net.kind() === addr.kind() && addr.match(net as never, bits)) return null;
    if (net.kind() === parsed.kind() && parsed.match(net as never, bits)) return null;
  }
  const shown = addr === parsed ? address : `${address} (${addr.toString()})`;
  const what = range === 'linkLocal' && addr.toString() === '169.254.169.254' ? 'cloud metadata' : describe(range);
  return `${shown} is a ${what} address; targets must be public (allow it with delivery.allowPrivateTargets)`;
}

function describe(range: string): string {
  const names: Record<string, string> = {
    loopback: 'loopback',
    private: 'private',
    linkLocal: 'link-local',
    uniqueLocal: 'unique-local',
    carrierGradeNat: 'carrier-grade NAT',
    unspecified: 'unspecified',
    multicast: 'multicast',
    broadcast: 'broadcast',
  };
  return names[range] ?? `reserved (${range})`;
}

/** A target URL checked for scheme and every resolved address; throws TargetRefusedError. */
export async function checkTarget(url: string, policy: TargetPolicy, resolve: Resolver = systemResolver): Promise<string[]> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TargetRefusedError(`'${url}' is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new TargetRefusedError(`${parsed.protocol} targets are not supported; use https:`);
  if (parsed.username || parsed.password) throw new TargetRefusedError('a target URL must not carry a user name or password');
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const addresses = ipaddr.isValid(host) ? [host] : await resolveAll(host, resolve);
  for (const address of addresses) {
    const reason = refusal(address, policy);
    if (reason) throw new TargetRefusedError(`${parsed.hostname}: ${reason}`);
  }
  return addresses;
}

async function resolveAll(host: string, resolve: Resolver): Promise<string[]> {
  let answers: { address: string }[];
  try {
    answers = await resolve(host);
  } catch (error) {
    throw new TargetRefusedError(`${host} does not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (answers.length === 0) throw new TargetRefusedError(`${host} does not resolve`);
  return answers.map((a) => a.address);
}

/**
 * A lookup for http.request that refuses the connection when any address the name resolves to
 * is refused: the check and the connection use the same answer, so rebinding cannot slip in.
 */
export function guardedLookup(policy: TargetPolicy, resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolveAll(hostname, resolve)
      .then(async (addresses) => {
        for (const address of addresses) {
          const reason = refusal(address, policy);
          if (reason) throw new TargetRefusedError(`${hostname}: ${reason}`);
        }
        const entries = addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
        const wanted = options.family === 4 || options.family === 6 ? entries.filter((e) => e.family === options.family) : entries;
        if (wanted.length === 0) throw new TargetRefusedError(`${hostname} has no IPv${options.family} address`);
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      })
      .catch((error: Error) => callback(error as NodeJS.ErrnoException, '', 0));
  };
}
