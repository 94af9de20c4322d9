// The newsletter settings are printed into every page, so a pasted API key would be published. These
// checks refuse values that look like a secret before anything is built: a form that subscribes
// readers never needs one.

import { parseUrl } from "../content/web-address.ts";

/** Words in a field name that mean "credential": `api_key`, `accessToken`, `client-secret`… */
const SECRET_WORDS = new Set(["key", "keys", "apikey", "token", "tokens", "secret", "secrets", "password", "passwd", "pwd", "auth", "authorization", "bearer", "credential", "credentials", "signature"]);

/** Well-known credential shapes, each with the name an editor will recognise. */
const TOKEN_SHAPES: [RegExp, string][] = [
  [/\b[0-9a-f]{32}-us\d{1,2}\b/i, "a Mailchimp API key"],
  [/^\s*Bearer\s+[\w.~+/-]{16,}=*\s*$/i, "an Authorization header value"],
  [/^\s*Basic\s+(?=[A-Za-z0-9+/]*\d)[A-Za-z0-9+/]{12,}={0,2}\s*$/, "an Authorization header value"],
  [/\beyJ[\w-]{8,}\.eyJ[\w-]{8,}\.[\w-]{8,}/, "a JSON Web Token"],
  [/\b(?:sk|rk)_(?:live|test)_[\w]{16,}/, "a Stripe secret key"],
  [/\bxox[abposr]-[\w-]{10,}/, "a Slack token"],
  [/\b(?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}|\bgithub_pat_\w{30,}/, "a GitHub token"],
  [/\bAKIA[0-9A-Z]{16}\b/, "an AWS access key"],
  [/\bSG\.[\w-]{16,}\.[\w-]{16,}/, "a SendGrid API key"],
  [/\bkey-[0-9a-f]{32}\b/, "a Mailgun API key"],
  [/\bxkeysib-[0-9a-f]{40,}/, "a Brevo API key"],
  [/-----BEGIN [A-Z ]*PRIVATE KEY-----/, "a private key"],
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Splits `apiKey`, `api_key`, `API-KEY` into lowercase words. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** Bits per character: random tokens score high, words and ids low. */
function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** The start of a value and an ellipsis: enough to find it, not enough to leak it again in a CI log. */
export function redact(value: string): string {
  const trimmed = value.trim();
  return trimmed.length <= 6 ? "…" : `${trimmed.slice(0, 4)}…`;
}

/** Why a field name looks like it holds a credential, or undefined. */
export function secretName(name: string): string | undefined {
  const words = wordsOf(name);
  const joined = words.join("");
  return words.some((word) => SECRET_WORDS.has(word)) || /apikey|accesskey|privatekey|clientsecret/.test(joined)
    ? `is named like a secret ("${name}")`
    : undefined;
}

/**
 * Why a value looks like a credential, or undefined. `opaque` values (hidden fields, URL query
 * values) are also refused when they are long random strings; UUIDs are list ids, not secrets.
 */
export function secretValue(value: string, { opaque = false } = {}): string | undefined {
  for (const [shape, what] of TOKEN_SHAPES) {
    if (shape.test(value)) return `looks like ${what} ("${redact(value)}")`;
  }
  const trimmed = value.trim();
  if (opaque && !UUID.test(trimmed) && trimmed.length >= 32 && /^[A-Za-z0-9+/=_.~-]+$/.test(trimmed) && /\d/.test(trimmed) && /[A-Za-z]/.test(trimmed) && entropy(trimmed) >= 4) {
    return `looks like a secret key or token: a long random string ("${redact(value)}")`;
  }
  return undefined;
}

/**
 * Providers whose public form addresses carry a long random form id in the path, which is not a
 * secret: Brevo's `https://<id>.sibforms.com/serve/<form>` and Google Forms' `/forms/d/e/<form>/`.
 */
const PUBLIC_FORM_IDS_IN_PATH: ((url: URL) => boolean)[] = [
  (url) => /(^|\.)sibforms\.com$/.test(url.hostname),
  (url) => url.hostname === "docs.google.com" && url.pathname.startsWith("/forms/"),
];

/** One run of letters and digits, both, of at least 8: `8f3k2j1l9d`, not `2024-annual-report`. */
function looksLikeShortToken(segment: string): boolean {
  return /^[A-Za-z0-9_]{8,}$/.test(segment) && /\d/.test(segment) && /[A-Za-z]/.test(segment);
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

/** Why `name=value` pairs (a query, or a fragment written like one) carry a credential, or undefined. */
function secretInParams(params: URLSearchParams, what: string): string | undefined {
  for (const [name, value] of params) {
    const problem = secretName(name) ?? secretValue(value, { opaque: true });
    if (problem) return `${what} "${name}" ${problem}`;
  }
  return undefined;
}

/**
 * Why a URL carries a credential in any part a page publishes (user info, path, query, fragment),
 * or undefined. A path segment is refused when it is a long random string (a key pasted into an API
 * address), when it is written `name=value` with a secret's name, or when it follows a segment named
 * like a secret (`/token/8f3k2j1l9d`).
 */
export function secretInUrl(url: string): string | undefined {
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  if (parsed.password) return "has a password in it (user:password@…)";
  if (parsed.username) return `has a user name in it ("${redact(decoded(parsed.username))}@"), which is how tokens are passed (remove everything between :// and @)`;
  const segments = parsed.pathname.split("/").filter(Boolean).map(decoded);
  const publicIds = PUBLIC_FORM_IDS_IN_PATH.some((isPublic) => isPublic(parsed));
  for (const [index, segment] of segments.entries()) {
    const named = /^([^=:]+)[=:](.+)$/.exec(segment);
    const problem =
      (named?.[1] && secretName(named[1])) ||
      (index > 0 && secretName(segments[index - 1] ?? "") && looksLikeShortToken(segment) ? `follows "${segments[index - 1]}" and looks like its value ("${redact(segment)}")` : undefined) ||
      secretValue(segment, { opaque: !publicIds });
    if (problem) return `has a path segment that ${problem}`;
  }
  const query = secretInParams(parsed.searchParams, "query parameter");
  if (query) return query;
  const fragment = decoded(parsed.hash.slice(1));
  if (fragment) {
    const problem = secretInParams(new URLSearchParams(fragment), "fragment parameter") ?? secretValue(fragment, { opaque: true });
    if (problem) return problem.startsWith("fragment parameter") ? problem : `has a fragment that ${problem}`;
  }
  return secretValue(url);
}

/** What the editor reads after the reason: why it matters and what to do. */
export const SECRET_ADVICE =
  "; the newsletter settings are published in every page, so API keys, tokens and passwords must never be here (a signup form needs only the provider's public form address: remove it, and revoke the key if it was ever published)";

/** The same advice for any other address the site publishes (support page, social profiles, an author's website). */
export const URL_SECRET_ADVICE =
  "; this address is published in the site, so API keys, tokens and passwords must never be in it (remove them, and revoke the key if it was ever published)";
