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
  const parts: string[] = [];
  serialize(value, parts, []);
  return digestText(parts.join(""));
}

/** Where in a page's inputs a value is ("related[2].headline"), for an error message. */
function place(trail: readonly (string | number)[]): string {
  return trail.map((step, index) => (typeof step === "number" ? `[${step}]` : index === 0 ? step : `.${step}`)).join("") || "the top";
}

// `trail` is the path to `value`, pushed and popped as the walk goes: it is made into text only for
// an error (building it for every value cost a third of the plan's digests at 10,000 articles).
function serialize(value: unknown, parts: string[], trail: (string | number)[]): void {
  if (value === undefined) {
    parts.push("u");
    return;
  }
  if (value === null || typeof value === "number" || typeof value === "boolean") {
    parts.push(JSON.stringify(value));
    return;
  }
  if (typeof value === "string") {
    parts.push(JSON.stringify(value));
    return;
  }
  if (typeof value !== "object") {
    // A function (or symbol, bigint) in a page's inputs would be left out of its digest, and a change
    // to what it returns would go unnoticed: refuse it where it is written.
    throw new TypeError(`[plan] a page's inputs must be plain data; found a ${typeof value} at ${place(trail)}`);
  }
  const given = (value as Digested)[DIGEST];
  if (given !== undefined) {
    parts.push("#", given);
    return;
  }
  if (Array.isArray(value)) {
    parts.push("[");
    for (let index = 0; index < value.length; index++) {
      if (index > 0) parts.push(",");
      trail.push(index);
      serialize(value[index], parts, trail);
      trail.pop();
    }
    parts.push("]");
    return;
  }
  const prototype = Object.getPrototypeOf(value) as unknown;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new TypeError(`[plan] a page's inputs must be plain data; found a ${value.constructor?.name ?? "class instance"} at ${place(trail)}`);
  }
  parts.push("{");
  let first = true;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    if (!first) parts.push(",");
    first = false;
    parts.push(JSON.stringify(key), ":");
    trail.push(key);
    serialize(item, parts, trail);
    trail.pop();
  }
  parts.push("}");
}

/** Orders strings by their UTF-16 code units, the same on every machine and locale (what a digest of a sorted list needs). */
export function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
