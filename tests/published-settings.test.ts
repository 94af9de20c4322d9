// Issue 14: addresses from settings and front matter are published (links, the signup form, the
// `_headers` CSP). They are parsed, never concatenated; credentials are refused in every part of
// every one (user info, path, query, fragment); a CSP source is only ever a parsed plain origin.
import { describe, expect, it } from "vitest";
import { secretInUrl } from "../src/newsletter/secrets.ts";
import { addressUnder, cspSource, webAddressProblem } from "../src/content/web-address.ts";
import { settingsSchema, type SettingsInput } from "../src/content/schema.ts";
import { buildProviderForm } from "../src/newsletter/presets.ts";
import { contentSecurityPolicy } from "../src/site/headers.ts";
import { createSite, type Site } from "../src/site/site.ts";
import { sitesRemovedAfterEach, writeContent } from "./helpers/site.ts";
import { problemLines } from "./helpers/check.ts";

const makeSite = sitesRemovedAfterEach();
const TOKEN = "q8Zr2LxV7nKp4TfW9sYb3HcJ6mDg1RaE5uQo0iNl";
const NEWSLETTER_ADVICE =
  "; the newsletter settings are published in every page, so API keys, tokens and passwords must never be here (a signup form needs only the provider's public form address: remove it, and revoke the key if it was ever published)";
const URL_ADVICE = "; this address is published in the site, so API keys, tokens and passwords must never be in it (remove them, and revoke the key if it was ever published)";

const BASE: SettingsInput = {
  name: "The Fixture Gazette",
  baseUrl: "https://gazette.example.org/",
  timeZone: "America/Chicago",
  sections: [{ slug: "news", title: "News" }],
  newsletter: { action: "https://newsletter.example.org/subscribe" },
};

/** `field: message` for every problem these settings have, through the one settings schema. */
function settingsProblems(changes: Partial<SettingsInput>): string[] {
  const result = settingsSchema.safeParse({ ...BASE, ...changes });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("secretInUrl: every part of an address", () => {
  it.each([
    ["a long random path segment", `https://api.example.org/v1/${TOKEN}/subscribe`, 'has a path segment that looks like a secret key or token: a long random string ("q8Zr…")'],
    ["a path segment named like a secret", "https://example.org/subscribe/api_key=abc123", 'has a path segment that is named like a secret ("api_key")'],
    ["a value after a segment named like a secret", "https://example.org/token/8f3k2j1l9d/subscribe", 'has a path segment that follows "token" and looks like its value ("8f3k…")'],
    ["a known key shape in the path", "https://example.org/0123456789abcdef0123456789abcdef-us21/", 'has a path segment that looks like a Mailchimp API key ("0123…")'],
    ["a user name (how tokens ride in URLs)", `https://${TOKEN}@example.org/subscribe`, `has a user name in it ("q8Zr…@"), which is how tokens are passed (remove everything between :// and @)`],
    ["a password", "https://user:hunter2@example.org/s", "has a password in it (user:password@…)"],
    ["a query parameter named like a secret", "https://example.org/s?access_token=abc", 'query parameter "access_token" is named like a secret ("access_token")'],
    ["a fragment parameter named like a secret", "https://example.org/s#access_token=abc", 'fragment parameter "access_token" is named like a secret ("access_token")'],
    ["a random fragment", `https://example.org/s#${TOKEN}`, 'has a fragment that looks like a secret key or token: a long random string ("q8Zr…")'],
  ])("refuses %s", (_, url, reason) => {
    expect(secretInUrl(url)).toBe(reason);
  });

  it("accepts the addresses newsrooms really publish, long public form ids of Brevo and Google Forms included", () => {
    for (const url of [
      "https://formspree.io/f/xyzzyabc",
      "https://ledger.us21.list-manage.com/subscribe/post?u=1a2b3c4d5e6f7a8b9c0d1e2f3&id=9f8e7d6c5b",
      "https://lists.example.org/subscription/form",
      "https://www.facebook.com/profile.php?id=100012345678901",
      "https://www.instagram.com/lakeshore.ledger/",
      "https://gazette.example.org/support/#give-monthly",
      "https://emailoctopus.com/lists/7c2e4a1b-9f3d-4e8a-b6c5-1d2f3a4b5c6d/members/embedded/1.3/add",
      `https://a1b2c3d4.sibforms.com/serve/MUIFA${TOKEN}`,
      `https://docs.google.com/forms/d/e/1FAIpQL${TOKEN}/formResponse`,
      "https://example.org/blog/2026/the-token-economy-explained",
      "https://example.org/keys/2024-annual-report",
    ]) {
      expect(secretInUrl(url), url).toBeUndefined();
    }
  });
});

describe("webAddressProblem and cspSource: plain hosts only", () => {
  it("shows what WHATWG URL parsing lets through in a host", () => {
    // Each of these would be a new CSP directive or source if an origin were used as parsed.
    expect(new URL("https://x.example;script-src/").host).toBe("x.example;script-src");
    expect(new URL("https://x.example,y/").host).toBe("x.example,y");
    expect(new URL("https://x%3Bb.example/").host).toBe("x;b.example");
    expect(new URL("https://*.example/").host).toBe("*.example");
  });

  it.each([
    ["https://x.example;script-src/", "x.example;script-src"],
    ["https://x.example,default-src/", "x.example,default-src"],
    ["https://x%3Bb.example/", "x;b.example"],
    ["https://x.example'unsafe-inline'/", "x.example'unsafe-inline'"],
    ["https://*.example/", "*.example"],
    ["https://a..example/", "a..example"],
  ])("refuses %s, naming the host it parsed", (url, host) => {
    expect(webAddressProblem(url)).toBe(`has "${host}" as its host, which is not a plain domain name (letters, digits, hyphens and dots, e.g. newsletter.example.org)`);
    expect(() => cspSource(url)).toThrow(`[headers] "${url}" is not a plain https origin; the settings schema should have refused it (a Dateline defect)`);
  });

  it("refuses whitespace inside, http for a form (loopback excepted), and a query or fragment on a base address", () => {
    expect(webAddressProblem("https://x.example/a\nb")).toBe("has a space or line break inside it (an address is one word: remove them)");
    expect(webAddressProblem("http://newsletter.example.org/s", { httpsOnly: true })).toBe(
      "must start with https:// (browsers block or warn about a form on a site that posts to a plain http:// address)",
    );
    expect(webAddressProblem("http://127.0.0.1:8123/subscribe", { httpsOnly: true })).toBeUndefined();
    expect(webAddressProblem("https://lists.example.org/?x=1", { base: true })).toMatch(/^must not have a \? query or a # fragment/);
    expect(webAddressProblem("https://lists.example.org/#", { base: true })).toMatch(/^must not have a \? query or a # fragment/);
    expect(webAddressProblem("https://bücher.example/path?q=1#f")).toBeUndefined();
  });

  it("gives origins, ports kept, IDNs in punycode", () => {
    expect(cspSource("https://lists.example.org:8443/a/b?c#d")).toBe("https://lists.example.org:8443");
    expect(cspSource("https://bücher.example/")).toBe("https://xn--bcher-kva.example");
    expect(cspSource("http://127.0.0.1:9000/x")).toBe("http://127.0.0.1:9000");
    expect(() => cspSource("http://newsletter.example.org/")).toThrow(/is not a plain https origin/);
  });

  it("still reads an IDN after thousands of plain addresses (Node 22's optimised URL.canParse says it is invalid)", () => {
    for (let i = 0; i < 20_000; i++) webAddressProblem(`https://lists.example.org/${i % 7}`);
    expect(webAddressProblem("https://bücher.example/")).toBeUndefined();
    expect(cspSource("https://bücher.example/")).toBe("https://xn--bcher-kva.example");
    expect(settingsSchema.shape.baseUrl.safeParse("https://bücher.example/").success).toBe(true);
  });

  it("resolves paths under an address instead of appending strings", () => {
    expect(addressUnder("https://lists.example.org", "subscription/form")).toBe("https://lists.example.org/subscription/form");
    expect(addressUnder("https://example.org/lists/", "api/public/subscription")).toBe("https://example.org/lists/api/public/subscription");
    expect(addressUnder("https://example.org/lists", "/subscription/form")).toBe("https://example.org/lists/subscription/form");
  });
});

describe("every published address setting goes through the same checks", () => {
  it("refuses a key in the newsletter action's path, which was published before", () => {
    expect(settingsProblems({ newsletter: { action: `https://api.example.org/v3/${TOKEN}/subscribe` } })).toEqual([
      `newsletter.action: has a path segment that looks like a secret key or token: a long random string ("q8Zr…")${NEWSLETTER_ADVICE}`,
    ]);
  });

  it("refuses a token in support.url and the social profiles, which were published before", () => {
    expect(
      settingsProblems({
        support: { text: "Reader-funded.", url: `https://gazette.example.org/support/?token=${TOKEN}` },
        social: { facebook: `https://${TOKEN}@facebook.com/gazette`, instagram: "https://instagram.com/gazette#access_token=abc" },
      }),
    ).toEqual([
      `support.url: query parameter "token" is named like a secret ("token")${URL_ADVICE}`,
      `social.facebook: has a user name in it ("q8Zr…@"), which is how tokens are passed (remove everything between :// and @)${URL_ADVICE}`,
      `social.instagram: fragment parameter "access_token" is named like a secret ("access_token")${URL_ADVICE}`,
    ]);
  });

  it("refuses a newsletter host that would add CSP directives, in the action and in listmonk's address", () => {
    const host = (value: string) => `has "${value}" as its host, which is not a plain domain name (letters, digits, hyphens and dots, e.g. newsletter.example.org)`;
    expect(settingsProblems({ newsletter: { action: "https://newsletter.example.org;script-src-elem/subscribe" } })).toEqual([`newsletter.action: ${host("newsletter.example.org;script-src-elem")}`]);
    expect(settingsProblems({ newsletter: { provider: "listmonk", url: "https://lists.example.org,default-src", lists: ["7c2e4a1b-9f3d-4e8a-b6c5-1d2f3a4b5c6d"] } })).toEqual([
      `newsletter.url: ${host("lists.example.org,default-src")}`,
    ]);
  });

  it("refuses a query on listmonk's address or the base URL, and a form that posts to plain http", () => {
    expect(settingsProblems({ newsletter: { provider: "listmonk", url: "https://lists.example.org/?list=1", lists: ["7c2e4a1b-9f3d-4e8a-b6c5-1d2f3a4b5c6d"] } })).toEqual([
      "newsletter.url: must not have a ? query or a # fragment (other paths are added to this address: give only the address, e.g. https://lists.example.org/)",
    ]);
    expect(settingsProblems({ baseUrl: "https://gazette.example.org/news/#top" })).toEqual([
      "baseUrl: must not have a ? query or a # fragment (other paths are added to this address: give only the address, e.g. https://lists.example.org/)",
    ]);
    expect(settingsProblems({ newsletter: { action: "http://newsletter.example.org/subscribe" } })).toEqual([
      "newsletter.action: must start with https:// (browsers block or warn about a form on a site that posts to a plain http:// address)",
    ]);
  });

  it("refuses a token in an author's website, at its line", async () => {
    const fixture = await makeSite();
    await writeContent(fixture, "authors/li-wei.md", `---\nname: Li Wei\nurl: https://liwei.example/?key=${TOKEN}\n---\nBio.\n`);
    expect(await problemLines(fixture)).toEqual([
      `authors/li-wei.md:3 url: query parameter "key" is named like a secret ("key")${URL_ADVICE}`,
    ]);
  });
});

describe("the form and the CSP are built from parsed addresses", () => {
  const site = (newsletter: SettingsInput["newsletter"]): Site => createSite(settingsSchema.parse({ ...BASE, newsletter }));

  it("resolves listmonk's endpoints under its address and puts only its origin in the policy", () => {
    const listmonk = site({ provider: "listmonk", url: "https://example.org/lists", lists: ["7c2e4a1b-9f3d-4e8a-b6c5-1d2f3a4b5c6d"], submitInPlace: true });
    expect(buildProviderForm(listmonk.newsletters[0] as Site["newsletters"][number])).toMatchObject({
      action: "https://example.org/lists/subscription/form",
      inPlace: { kind: "listmonk", endpoint: "https://example.org/lists/api/public/subscription" },
    });
    const csp = contentSecurityPolicy(listmonk);
    expect(csp).toContain("connect-src 'self' https://example.org;");
    expect(csp).toContain("form-action 'self' https://example.org;");
    expect(csp.split("; ").map((directive) => directive.split(" ")[0])).toEqual([
      "default-src", "script-src", "worker-src", "style-src", "img-src", "font-src", "frame-src", "connect-src", "form-action", "frame-ancestors", "base-uri", "object-src",
    ]);
  });

  it("refuses to write a policy from settings that bypassed the schema", () => {
    const forged = site({ action: "https://newsletter.example.org/subscribe" });
    forged.newsletters = [{ ...forged.newsletters[0], action: "https://x.example;script-src 'unsafe-inline'/" } as Site["newsletters"][number]];
    expect(() => contentSecurityPolicy(forged)).toThrow(/is not a plain https origin/);
  });
});
