// Digests of what a page is made from. The build plan compares a page's input digest with the one it
// had in the previous build: equal digests mean the page would come out the same, so it is reused.
// Large shared values (a teaser, an article, the site shell) carry their digest, computed once, so a
// listing of twenty stories is digested from twenty short strings rather than twenty object trees.
import { createHash, hash } from "node:crypto";

const DIGEST = Symbol("dateline.digest");

type Digested = { [DIGEST]?: string };

/** The digest of a string or bytes: short, URL- and file-name-safe. */
export function digestText(text: string | Uint8Array): string {
  // crypto.hash is one call for short inputs; a Buffer goes through createHash.
  return typeof text === "string" ? hash("sha1", text, "base64url") : createHash("sha1").update(text).digest("base64url");
}

/**
 * Gives `value` a digest of its own content (or the one supplied, for a value that stands for
 * something else: a body not rendered yet is named by its source). A digested value is never walked
 * again: change it and its digest is stale, so digested values are frozen.
 */
export function withDigest<T extends object>(value: T, digest = digestOf(value)): Readonly<T> {
  Object.defineProperty(value, DIGEST, { value: digest, enumerable: false });
  return Object.freeze(value);
}

/** The digest a value was given, if any. */
export function givenDigest(value: object): string | undefined {
  return (value as Digested)[DIGEST];
}

/** The digest of plain data: strings, numbers, booleans, null, arrays and plain objects (in key order). */
export function digestOf(value: unknown): string {
  let text: string;
  try {
    text = encode(value);
  } catch (error) {
    // Found again, slowly, to say where: the fast walk keeps no path (keeping one cost a third of it).
    const found = error instanceof NotData ? firstNotData(value, []) : undefined;
    if (!found) throw error;
    throw new TypeError(`[plan] a page's inputs must be plain data; found a ${found.what} at ${place(found.trail)}`, { cause: error });
  }
  return digestText(text);
}

class NotData extends Error {}

/**
 * The text a digest is taken of: a prefix code, so two values give the same text only when they are
 * equal (a string is its length and its characters, a number ends with ";", a key is its length and
 * its characters). Built by concatenation, which V8 keeps as a rope until the hash reads it: no
 * string is copied or escaped on the way, as JSON.stringify of each one did (the plan's digests
 * took half the time; docs/performance.md, "2026-12-07, evening").
 */
function encode(value: unknown): string {
  switch (typeof value) {
    case "string":
      return `${value.length}"${value}`;
    case "number":
      return `n${value};`;
    case "boolean":
      return value ? "t" : "f";
    case "undefined":
      return "u";
    case "object": {
      if (value === null) return "z";
      const given = (value as Digested)[DIGEST];
      if (given !== undefined) return `#${given.length}:${given}`;
      if (Array.isArray(value)) {
        let text = "[";
        for (let index = 0; index < value.length; index++) text += encode(value[index]);
        return `${text}]`;
      }
      const prototype = Object.getPrototypeOf(value) as unknown;
      if (prototype !== Object.prototype && prototype !== null) throw new NotData();
      let text = "{";
      // A plain object's own keys in order (nothing inherits an enumerable key from Object.prototype).
      for (const key in value) {
        const item = (value as Record<string, unknown>)[key];
        if (item !== undefined) text += `${key.length}:${key}${encode(item)}`;
      }
      return `${text}}`;
    }
    default:
      // A function (or symbol, bigint) in a page's inputs would be left out of its digest, and a change
      // to what it returns would go unnoticed: refuse it where it is written.
      throw new NotData();
  }
}

/** Where in a page's inputs a value is ("related[2].headline"), for an error message. */
function place(trail: readonly (string | number)[]): string {
  return trail.map((step, index) => (typeof step === "number" ? `[${step}]` : index === 0 ? step : `.${step}`)).join("") || "the top";
}

/** The first value in `value` that is not plain data, and the path to it (what `encode` refused). */
function firstNotData(value: unknown, trail: (string | number)[]): { what: string; trail: (string | number)[] } | undefined {
  if (value === null || ["string", "number", "boolean", "undefined"].includes(typeof value)) return undefined;
  if (typeof value !== "object") return { what: typeof value, trail };
  if ((value as Digested)[DIGEST] !== undefined) return undefined;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = firstNotData(item, [...trail, index]);
      if (found) return found;
    }
    return undefined;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) return { what: value.constructor?.name ?? "class instance", trail };
  for (const [key, item] of Object.entries(value)) {
    const found = item === undefined ? undefined : firstNotData(item, [...trail, key]);
    if (found) return found;
  }
  return undefined;
}

/** Orders strings by their UTF-16 code units, the same on every machine and locale (what a digest of a sorted list needs). */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
