// Newsletter presets (issue 4): each provider's documented form from the settings, clear errors for
// settings that cannot work, no credential ever published, and the support call to action.
// The form in a real browser is tested in tests/browser/signup.test.ts.
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CheerioAPI } from "cheerio";
import { settingsSchema, type NewsletterSettings } from "../src/content/schema.ts";
import { loadSettings } from "../src/content/load-settings.ts";
import { formatProblem } from "../src/content/errors.ts";
import { buildProviderForm, parseMailchimpAction } from "../src/newsletter/presets.ts";
import { secretName, secretValue } from "../src/newsletter/secrets.ts";
import { buildError, buildSite, makeSite, readPage, removeSite, type FixtureSite } from "./helpers/site.ts";
import { validateHtmlFile } from "./helpers/html.ts";
import { editSettings } from "./helpers/settings.ts";

const SIGNUP_SCRIPT = path.resolve(import.meta.dirname, "../public/js/signup.js");
const LIST_A = "7c2e4a1b-9f3d-4e8a-b6c5-1d2f3a4b5c6d";
const LIST_B = "0f9e8d7c-6b5a-4f3e-9d2c-1b0a9f8e7d6c";

/** Settings with this newsletter block, the rest minimal. */
function settingsWith(newsletter: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "The Fixture Gazette",
    baseUrl: "https://gazette.example.org/",
    timeZone: "America/Chicago",
    sections: [{ slug: "news", title: "News" }],
    newsletter,
    ...extra,
  };
}

/**
 * settings.yml with the other settings on lines 1–4 (one a line), the newsletter block on line 5 and
 * its fields one a line from line 6, in the order given, so a message's line is easy to state.
 */
function settingsSource(newsletter: unknown, extra: Record<string, unknown> = {}): string {
  const { newsletter: _, ...rest } = settingsWith(newsletter, extra);
  // JSON is YAML: each value on its own line, exactly as given.
  const lines = (entries: [string, unknown][], indent = "") => entries.map(([key, value]) => `${indent}${JSON.stringify(key)}: ${JSON.stringify(value)}\n`).join("");
  const block = newsletter === undefined ? "" : `newsletter:\n${lines(Object.entries(newsletter as object), "  ")}`;
  return `${lines(Object.entries(rest))}${block}`;
}

function formFor(newsletter: unknown) {
  return buildProviderForm(settingsSchema.parse(settingsWith(newsletter)).newsletter as NewsletterSettings);
}

describe("provider presets", () => {
  it("keeps settings written before presets: without provider the form is generic, unchanged", () => {
    expect(formFor({ action: "https://newsletter.example.org/subscribe", emailField: "EMAIL", hiddenFields: { list: "daily" } })).toEqual({
      action: "https://newsletter.example.org/subscribe",
      method: "post",
      emailField: "EMAIL",
      hidden: [{ name: "list", value: "daily" }],
      honeypot: undefined,
      inPlace: undefined,
    });
  });

  it("generic: action, method, email field, hidden fields, optional honeypot and in-place submit", () => {
    const form = formFor({ provider: "generic", action: "https://formspree.io/f/xyzzy", method: "post", hiddenFields: { _subject: "Newsletter" }, honeypot: "_gotcha", submitInPlace: true });
    expect(form).toEqual({
      action: "https://formspree.io/f/xyzzy",
      method: "post",
      emailField: "email",
      hidden: [{ name: "_subject", value: "Newsletter" }],
      honeypot: "_gotcha",
      inPlace: { kind: "form", endpoint: "https://formspree.io/f/xyzzy" },
    });
  });

  it("buttondown: POST to embed-subscribe/<username> with email and a tag input per tag; no in-place submit", () => {
    expect(formFor({ provider: "buttondown", username: "lakeshore-ledger", tags: ["daily", "web"] })).toEqual({
      action: "https://buttondown.com/api/emails/embed-subscribe/lakeshore-ledger",
      method: "post",
      emailField: "email",
      hidden: [
        { name: "tag", value: "daily" },
        { name: "tag", value: "web" },
      ],
    });
  });

  it("mailchimp: the embed code's action (pasted with &amp;), EMAIL and the b_<u>_<id> honeypot; no in-place submit", () => {
    const action = "https://ledger.us21.list-manage.com/subscribe/post?u=1a2b3c4d5e6f7a8b9c0d1e2f3&amp;id=9f8e7d6c5b&amp;f_id=00a1b2c3d4";
    expect(formFor({ provider: "mailchimp", action })).toEqual({
      action: "https://ledger.us21.list-manage.com/subscribe/post?u=1a2b3c4d5e6f7a8b9c0d1e2f3&id=9f8e7d6c5b&f_id=00a1b2c3d4",
      method: "post",
      emailField: "EMAIL",
      hidden: [],
      honeypot: "b_1a2b3c4d5e6f7a8b9c0d1e2f3_9f8e7d6c5b",
    });
  });

  it("listmonk: POST to <listmonk>/subscription/form with email, an l per list UUID and the nonce honeypot", () => {
    expect(formFor({ provider: "listmonk", url: "https://lists.example.org/", lists: [LIST_A, LIST_B] })).toEqual({
      action: "https://lists.example.org/subscription/form",
      method: "post",
      emailField: "email",
      hidden: [
        { name: "l", value: LIST_A },
        { name: "l", value: LIST_B },
      ],
      honeypot: "nonce",
      inPlace: undefined,
    });
    expect(formFor({ provider: "listmonk", url: "https://example.org/lists", lists: [LIST_A], submitInPlace: true }).inPlace).toEqual({
      kind: "listmonk",
      endpoint: "https://example.org/lists/api/public/subscription",
    });
  });

  it("reads only Mailchimp's subscribe address", () => {
    expect(parseMailchimpAction("https://us1.list-manage.com/subscribe/post?u=abc123&id=def456")).toEqual({ origin: "https://us1.list-manage.com", u: "abc123", id: "def456", fId: undefined });
    expect(parseMailchimpAction("https://ledger.us1.list-manage.com/subscribe/post-json?u=abc123&id=def456")).toBeUndefined();
    expect(parseMailchimpAction("https://list-manage.com.evil.example/subscribe/post?u=abc123&id=def456")).toBeUndefined();
    expect(parseMailchimpAction("http://us1.list-manage.com/subscribe/post?u=abc123&id=def456")).toBeUndefined();
    expect(parseMailchimpAction("https://us1.list-manage.com/subscribe/post?u=abc123")).toBeUndefined();
  });
});

describe("newsletter settings errors", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true }))));

  /** The problems `settings.yml` with this newsletter block gets, as the editor reads them. */
  async function problems(newsletter: unknown, extra: Record<string, unknown> = {}): Promise<string[]> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-newsletter-"));
    dirs.push(dir);
    await fs.writeFile(path.join(dir, "settings.yml"), settingsSource(newsletter, extra));
    const result = await loadSettings(dir);
    return result.problems.map((problem) => formatProblem(problem).replace(/^.*settings\.yml:/, "settings.yml:"));
  }

  it("an unknown provider lists the known ones", async () => {
    expect(await problems({ provider: "sendgrid", action: "https://example.org/" })).toEqual([
      'settings.yml:6 newsletter.provider: "sendgrid" is not a known provider (known: generic, buttondown, mailchimp, listmonk)',
    ]);
  });

  it("a missing newsletter, endpoint, username or list says what to write", async () => {
    expect(await problems(undefined)).toEqual([expect.stringMatching(/^settings\.yml:1 newsletter: is required \(the signup form: a provider and its address/)]);
    expect(await problems({ provider: "generic" })).toEqual(["settings.yml:5 newsletter.action: is required (a form action address starting with https://)"]);
    expect(await problems({ provider: "buttondown" })).toEqual(["settings.yml:5 newsletter.username: is required (your Buttondown username, as in buttondown.com/<username>)"]);
    expect(await problems({ provider: "mailchimp" })).toEqual(["settings.yml:5 newsletter.action: is required (a Mailchimp form address starting with https://)"]);
    expect(await problems({ provider: "listmonk", lists: [LIST_A] })).toEqual(["settings.yml:5 newsletter.url: is required (a listmonk address starting with https://)"]);
    expect(await problems({ provider: "listmonk", url: "https://lists.example.org" })).toEqual(["settings.yml:5 newsletter.lists: is required (a list of listmonk list UUIDs)"]);
  });

  it("refuses addresses and ids that are not the provider's", async () => {
    expect(await problems({ provider: "mailchimp", action: "https://example.org/subscribe" })).toEqual([
      expect.stringMatching(/^settings\.yml:7 newsletter\.action: "https:\/\/example\.org\/subscribe" is not a Mailchimp form address \(copy the form action from Mailchimp's embedded form code/),
    ]);
    expect(await problems({ provider: "buttondown", username: "https://buttondown.com/ledger" })).toEqual([
      'settings.yml:7 newsletter.username: "https://buttondown.com/ledger" is not a Buttondown username (as in buttondown.com/<username>)',
    ]);
    expect(await problems({ provider: "listmonk", url: "https://lists.example.org", lists: ["daily"] })).toEqual([
      'settings.yml:8 newsletter.lists[0]: "daily" is not a listmonk list UUID (listmonk → Lists → the list → UUID)',
    ]);
  });

  it("refuses an in-place submit where the provider cannot answer one, and with GET", async () => {
    expect(await problems({ provider: "mailchimp", action: "https://us1.list-manage.com/subscribe/post?u=abc&id=def", submitInPlace: true })).toEqual([
      expect.stringMatching(/^settings\.yml:8 newsletter\.submitInPlace: cannot be true for Mailchimp: a script on the site cannot read its subscribe endpoint/),
    ]);
    expect(await problems({ provider: "buttondown", username: "ledger", submitInPlace: true })).toEqual([expect.stringMatching(/^settings\.yml:8 newsletter\.submitInPlace: cannot be true for Buttondown/)]);
    expect(await problems({ action: "https://example.org/subscribe", method: "get", submitInPlace: true })).toEqual([
      'settings.yml:8 newsletter.submitInPlace: needs method "post" (an in-place sign-up is a POST, as the form is)',
    ]);
  });

  it("refuses a field of another provider", async () => {
    expect(await problems({ provider: "buttondown", username: "ledger", lists: [LIST_A] })).toEqual(["settings.yml:8 newsletter.lists: is not a known field (remove it)"]);
  });
});

describe("secrets in the newsletter settings", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => fs.rm(dir, { recursive: true, force: true }))));

  async function problems(newsletter: unknown): Promise<string[]> {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "dateline-secrets-"));
    dirs.push(dir);
    await fs.writeFile(path.join(dir, "settings.yml"), settingsSource(newsletter));
    return (await loadSettings(dir)).problems.map((problem) => `${problem.field}: ${problem.message}`);
  }

  const MAILCHIMP_KEY = "0123456789abcdef0123456789abcdef-us21";
  const TOKEN = "q8Zr2LxV7nKp4TfW9sYb3HcJ6mDg1RaE5uQo0iNl";

  it.each([
    ["a hidden field named like a key", { action: "https://example.org/s", hiddenFields: { api_key: "x" } }, "newsletter.hiddenFields.api_key", 'is named like a secret ("api_key")'],
    ["a hidden field named like a token (camelCase)", { action: "https://example.org/s", hiddenFields: { accessToken: "x" } }, "newsletter.hiddenFields.accessToken", 'is named like a secret ("accessToken")'],
    ["a Mailchimp API key as a hidden value", { action: "https://example.org/s", hiddenFields: { list: MAILCHIMP_KEY } }, "newsletter.hiddenFields.list", 'looks like a Mailchimp API key ("0123…")'],
    ["a Bearer token as a hidden value", { action: "https://example.org/s", hiddenFields: { authorization_header: "Bearer abcdefghijklmnop" } }, "newsletter.hiddenFields.authorization_header", 'is named like a secret ("authorization_header")'],
    ["a Bearer value under an innocent name", { action: "https://example.org/s", hiddenFields: { h: "Bearer abcdefghijklmnop" } }, "newsletter.hiddenFields.h", 'looks like an Authorization header value ("Bear…")'],
    ["a long random string as a hidden value", { action: "https://example.org/s", hiddenFields: { form: TOKEN } }, "newsletter.hiddenFields.form", 'looks like a secret key or token: a long random string ("q8Zr…")'],
    ["a token in the action's query", { action: `https://example.org/s?access_token=abc` }, "newsletter.action", 'query parameter "access_token" is named like a secret ("access_token")'],
    ["a random value in the action's query", { action: `https://example.org/s?form=${TOKEN}` }, "newsletter.action", 'query parameter "form" looks like a secret key or token: a long random string ("q8Zr…")'],
    ["a password in the action", { action: "https://user:hunter2@example.org/s" }, "newsletter.action", "has a password in it (user:password@…)"],
    ["a Mailchimp key pasted into the heading", { provider: "buttondown", username: "ledger", heading: `Key ${MAILCHIMP_KEY}` }, "newsletter.heading", 'looks like a Mailchimp API key ("Key …")'],
    ["a Stripe key in a Buttondown tag", { provider: "buttondown", username: "ledger", tags: ["sk_live_0123456789abcdefABCDEF"] }, "newsletter.tags[0]", 'looks like a Stripe secret key ("sk_l…")'],
  ])("refuses %s, naming the field and never repeating the secret", async (_, newsletter, field, reason) => {
    const found = await problems(newsletter);
    expect(found).toHaveLength(1);
    expect(found[0]).toBe(
      `${field}: ${reason}; the newsletter settings are published in every page, so API keys, tokens and passwords must never be here (a signup form needs only the provider's public form address: remove it, and revoke the key if it was ever published)`,
    );
    expect(found[0]).not.toContain(MAILCHIMP_KEY);
    expect(found[0]).not.toContain(TOKEN);
  });

  it("accepts the public ids providers put in forms", async () => {
    expect(await problems({ provider: "mailchimp", action: "https://ledger.us21.list-manage.com/subscribe/post?u=1a2b3c4d5e6f7a8b9c0d1e2f3&id=9f8e7d6c5b&f_id=00a1b2c3d4" })).toEqual([]);
    expect(await problems({ provider: "listmonk", url: "https://lists.example.org", lists: [LIST_A, LIST_B] })).toEqual([]);
    expect(await problems({ action: "https://example.org/s", hiddenFields: { list: LIST_A, group: "0f9e8d7c6b5a4f3e9d2c1b0a9f8e7d6c", tags: "daily,web", monkey: "yes" } })).toEqual([]);
    expect(await problems({ action: "https://a1b2c3d4.sibforms.com/serve/MUIFAKq8Zr2LxV7nKp4TfW9sYb3HcJ6mDg1RaE5uQo0iNlZ" })).toEqual([]);
  });

  it("names and values: the pure checks", () => {
    expect(secretName("list")).toBeUndefined();
    expect(secretName("monkey")).toBeUndefined();
    expect(secretName("API-KEY")).toBe('is named like a secret ("API-KEY")');
    expect(secretName("apikey")).toBe('is named like a secret ("apikey")');
    expect(secretName("client_secret")).toBe('is named like a secret ("client_secret")');
    expect(secretValue("daily")).toBeUndefined();
    expect(secretValue(TOKEN)).toBeUndefined();
    expect(secretValue(TOKEN, { opaque: true })).toMatch(/long random string/);
    expect(secretValue("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnop")).toMatch(/JSON Web Token/);
    expect(secretValue("The daily briefing for subscribers of the north shore edition")).toBeUndefined();
    expect(secretValue("Token sponsorships explained")).toBeUndefined();
    expect(secretValue("Basic instructions for new subscribers")).toBeUndefined();
    expect(secretValue("Basic dXNlcjpodW50ZXIy")).toMatch(/Authorization header/);
  });

  it("stops the build before anything is written, naming settings.yml and the field", async () => {
    const site = await makeSite();
    try {
      await editSettings(site, (settings) => settings.replace("hiddenFields: { list: daily }", `hiddenFields: { list: daily, apiKey: "${MAILCHIMP_KEY}" }`));
      const message = await buildError(site);
      expect(message).toMatch(/settings\.yml:12 newsletter\.hiddenFields\.apiKey: is named like a secret \("apiKey"\); the newsletter settings are published in every page/);
      expect(message).not.toContain(MAILCHIMP_KEY);
      await expect(fs.access(site.outputDir)).rejects.toThrow();
    } finally {
      await removeSite(site);
    }
  });
});

describe("the signup form and support box as built", () => {
  let generic: FixtureSite;
  let mailchimp: FixtureSite;
  const pages: Record<string, CheerioAPI> = {};

  beforeAll(async () => {
    generic = await makeSite();
    mailchimp = await makeSite("newsletter-mailchimp");
    // One at a time: a build reads its image cache folder from the environment.
    await buildSite(generic);
    await buildSite(mailchimp);
    pages["generic article"] = await readPage(generic, "/2026/03/05/harbour-vote/");
    pages["generic front"] = await readPage(generic, "/");
    pages["mailchimp article"] = await readPage(mailchimp, "/2026/03/05/harbour-vote/");
    pages["mailchimp front"] = await readPage(mailchimp, "/");
  });
  afterAll(() => Promise.all([generic, mailchimp].map((site) => site && removeSite(site))));

  it("posts the provider's form with its fields, and loads the enhancement from a file", () => {
    for (const name of ["mailchimp article", "mailchimp front"]) {
      const $ = pages[name] as CheerioAPI;
      const form = $("section.signup form");
      expect(form.attr("action"), name).toBe("https://ledger.us21.list-manage.com/subscribe/post?u=1a2b3c4d5e6f7a8b9c0d1e2f3&id=9f8e7d6c5b");
      expect(form.attr("method"), name).toBe("post");
      expect(form.find("input[type=email][required]").attr("name"), name).toBe("EMAIL");
      expect(form.attr("data-signup-in-place"), name).toBeUndefined();
      expect($('section.signup script[type="module"]').attr("src"), name).toMatch(/^\/js\/signup\.js\?v=[0-9a-f]{10}$/);
    }
  });

  it("has the off-screen honeypot the provider documents: aria-hidden, out of the tab order, never autofilled", () => {
    const $ = pages["mailchimp article"] as CheerioAPI;
    const trap = $(".signup__trap");
    expect(trap.attr("aria-hidden")).toBe("true");
    expect(trap.attr("style")).toBeUndefined(); // placed by the stylesheet: a strict CSP forbids inline styles
    const input = trap.find("input");
    expect(input.attr("name")).toBe("b_1a2b3c4d5e6f7a8b9c0d1e2f3_9f8e7d6c5b");
    expect(input.attr("type")).toBe("text");
    expect(input.attr("tabindex")).toBe("-1");
    expect(input.attr("autocomplete")).toBe("off");
    expect(input.attr("value")).toBe("");
    expect($(".signup__form").attr("data-signup-honeypot")).toBe("b_1a2b3c4d5e6f7a8b9c0d1e2f3_9f8e7d6c5b");
  });

  it("is valid HTML with the honeypot, the note and the script", async () => {
    for (const page of ["2026/03/05/harbour-vote/index.html", "index.html"]) {
      expect(await validateHtmlFile(path.join(mailchimp.outputDir, page)), page).toEqual([]);
    }
  });

  it("prints the double opt-in note and the privacy line from the settings, both describing the field", () => {
    const $ = pages["mailchimp article"] as CheerioAPI;
    expect($("#signup-daily-note").text()).toBe("Check your inbox: we send a link to confirm your address.");
    expect($("#signup-daily-privacy").text()).toBe("One email a day. We never share your address.");
    expect($("#signup-daily-email").attr("aria-describedby")).toBe("signup-daily-message signup-daily-note signup-daily-privacy");
    expect($("#signup-daily-message").attr("role")).toBe("status");
  });

  it("shows the support call to action from the settings on articles and the front page", () => {
    for (const name of ["generic article", "generic front"]) {
      const $ = pages[name] as CheerioAPI;
      const support = $("aside.support");
      expect(support, name).toHaveLength(1);
      expect(support.find("h2").text(), name).toBe("Support our journalism");
      expect(support.find("p").text(), name).toBe("Reader-funded local news.");
      expect(support.find("a.button").attr("href"), name).toBe("https://gazette.example.org/support/");
      expect(support.find("a.button").text(), name).toBe("Donate");
      expect($(`#${support.attr("aria-labelledby")}`).text(), name).toBe("Support our journalism");
    }
  });

  it("leaves the support call to action out when the settings have none", () => {
    for (const name of ["mailchimp article", "mailchimp front"]) {
      const $ = pages[name] as CheerioAPI;
      expect($(".support"), name).toHaveLength(0);
      expect($("section.signup"), name).toHaveLength(1);
    }
  });
});

describe("public/js/signup.js", () => {
  it("is small: under 3 KB as served", async () => {
    expect((await fs.stat(SIGNUP_SCRIPT)).size).toBeLessThan(3 * 1024);
  });
});
