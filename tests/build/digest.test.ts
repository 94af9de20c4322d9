// src/build/digest.ts: what two builds compare. Equal data, equal digests; any change, a new one; a
// digested value stands for itself by its digest; anything that is not data is refused.
import { describe, expect, it } from "vitest";
import { digestOf, digestText, givenDigest, withDigest } from "../../src/build/digest.ts";

describe("digestOf", () => {
  it("is the same for equal data and differs for any change, in value, type, key or order of a list", () => {
    const value = { a: 1, b: ["x", { c: true, d: null }], e: "é" };
    expect(digestOf(value)).toBe(digestOf(structuredClone(value)));
    const variants = [{ ...value, a: 2 }, { ...value, a: "1" }, { ...value, b: ["x", { c: false, d: null }] }, { ...value, b: [{ c: true, d: null }, "x"] }, { ...value, f: 0 }, { a: 1, b: ["x", { c: true, d: null }], e: "e" }];
    const digests = new Set([digestOf(value), ...variants.map(digestOf)]);
    expect(digests.size).toBe(variants.length + 1);
  });

  it("leaves out undefined fields, as JSON does, and never confuses a string with its JSON", () => {
    expect(digestOf({ a: 1, b: undefined })).toBe(digestOf({ a: 1 }));
    expect(digestOf({ a: "1" })).not.toBe(digestOf({ a: 1 }));
    expect(digestOf(["a,b"])).not.toBe(digestOf(["a", "b"]));
    // Where one value ends and the next begins is never a guess: numbers before strings, keys before values.
    expect(digestOf([1, "23"])).not.toBe(digestOf([12, "3"]));
    expect(digestOf({ a: "1b" })).not.toBe(digestOf({ a1: "b" }));
    expect(digestOf([true, null, undefined, 0])).not.toBe(digestOf([true, null, null, 0]));
    expect(digestOf([withDigest({}, "x")])).not.toBe(digestOf(["#1:x"]));
  });

  it("uses a digested value's own digest: a change inside it is not seen until it is digested again", () => {
    const teaser = withDigest({ headline: "One" });
    expect(givenDigest(teaser)).toBe(digestOf({ headline: "One" }));
    const page = { items: [teaser] };
    expect(digestOf(page)).toBe(digestOf({ items: [withDigest({ headline: "One" })] }));
    expect(digestOf(page)).not.toBe(digestOf({ items: [withDigest({ headline: "Two" })] }));
    // A value named by something else (a body by its source) keeps that name.
    expect(digestOf({ body: withDigest({ html: "rendered" }, "source-digest") })).toBe(digestOf({ body: withDigest({ other: 1 }, "source-digest") }));
    expect(Object.isFrozen(teaser)).toBe(true);
  });

  it("refuses functions and class instances in a page's inputs, naming where", () => {
    expect(() => digestOf({ listing: { pathOf: () => "/" } })).toThrow(/found a function at listing\.pathOf/);
    expect(() => digestOf({ tags: new Set(["a"]) })).toThrow(/found a Set at tags/);
    expect(() => digestOf({ when: new Date(0) })).toThrow(/found a Date at when/);
  });
});

describe("digestText", () => {
  it("is short, file-name safe and the same for a string and its UTF-8 bytes", () => {
    const digest = digestText("Zürich");
    expect(digest).toMatch(/^[\w-]{27}$/);
    expect(digestText(Buffer.from("Zürich"))).toBe(digest);
  });
});
