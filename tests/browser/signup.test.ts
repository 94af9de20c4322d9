// Issue 4: the newsletter form really subscribes. Built fixture sites are served over HTTP with a
// strict Content-Security-Policy; a local HTTP receiver stands in for the provider, and the test
// build's settings point the form at it. Chromium submits with JavaScript on and off.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { buildSite, makeSite, removeSite, type FixtureSite } from "../helpers/site.ts";
import { baseSettings, writeSettings } from "../helpers/settings.ts";
import { axeViolations, launchChromium, photograph, serveSite, startReceiver, type Receiver, type StaticServer } from "../helpers/browser.ts";

const ARTICLE = "/2026/03/05/harbour-vote/";
const LIST_A = "7c2e4a1b-9f3d-4e8a-b6c5-1d2f3a4b5c6d";
const LIST_B = "0f9e8d7c-6b5a-4f3e-9d2c-1b0a9f8e7d6c";
const NOTE = "Check your inbox: click the link in our email to confirm.";
/** Pictures of the box's states, for a person to look at (git-ignored). */

let receiver: Receiver;
let browser: Browser;
let withJs: BrowserContext;
let withoutJs: BrowserContext;
const sites: FixtureSite[] = [];
const servers: StaticServer[] = [];
/** Origins of the served sites: the generic form submitted in place, the generic form posted normally, listmonk in place. */
const origin = { inPlace: "", plain: "", listmonk: "" };
const cspViolations: string[] = [];

/** Builds the base fixture with this newsletter block and serves it under a strict CSP. */
async function serve(newsletter: Record<string, unknown>): Promise<string> {
  const made = await makeSite();
  // One image cache for all three builds: the photos are the same.
  const site = sites.length > 0 ? { ...made, cacheDir: (sites[0] as FixtureSite).cacheDir } : made;
  sites.push(made);
  await writeSettings(site, { ...baseSettings, newsletter: { doubleOptIn: NOTE, privacy: "We never share your address.", ...newsletter } as typeof baseSettings.newsletter });
  await buildSite(site);
  // What a strict host sends: no inline script or style anywhere, and only the provider besides 'self'.
  const csp = `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' ${receiver.origin}; form-action 'self' ${receiver.origin}; base-uri 'none'; object-src 'none'`;
  const server = await serveSite(site.outputDir, { headers: { "content-security-policy": csp } });
  servers.push(server);
  return server.origin;
}

beforeAll(async () => {
  browser = await launchChromium();
  receiver = await startReceiver();
  const generic = { action: `${receiver.origin}/subscribe`, emailField: "EMAIL", hiddenFields: { list: "daily" }, honeypot: "_gotcha" };
  origin.inPlace = await serve({ ...generic, submitInPlace: true });
  origin.plain = await serve(generic);
  origin.listmonk = await serve({ provider: "listmonk", url: `${receiver.origin}/listmonk/`, lists: [LIST_A, LIST_B], submitInPlace: true });
  withJs = await browser.newContext();
  withoutJs = await browser.newContext({ javaScriptEnabled: false });
  for (const context of [withJs, withoutJs]) {
    context.on("console", (message) => void (message.text().includes("Content Security Policy") && cspViolations.push(message.text())));
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
  await receiver?.close();
  await Promise.all(sites.map(removeSite));
  expect(cspViolations).toEqual([]);
});

/** A fresh page on the article, the receiver's log emptied. */
async function openArticle(context: BrowserContext, siteOrigin: string): Promise<Page> {
  receiver.clear();
  const page = await context.newPage();
  await page.goto(siteOrigin + ARTICLE);
  return page;
}

async function submit(page: Page, address: string): Promise<void> {
  await page.fill("#signup-daily-email", address);
  await page.click(".signup button[type=submit]");
}

/** Waits for the live region to say something, and returns it. */
async function announced(page: Page): Promise<{ text: string; state: string | null; visible: boolean }> {
  const message = page.locator("#signup-daily-message");
  await message.filter({ hasText: /\S/ }).waitFor();
  return { text: (await message.textContent()) ?? "", state: await message.getAttribute("data-state"), visible: await message.isVisible() };
}

/**
 * Every request to the provider the page starts from the moment this is called (scrolling to the form
 * may still load the site's own lazy images). Chromium reports a request to Playwright when the page
 * starts it, in order with the page's other messages, so after `quiet()` the list holds everything the
 * page sent until then: no waiting for a stray request that may never come.
 */
function requestsFrom(page: Page): string[] {
  const started: string[] = [];
  page.on("request", (request) => void (request.url().startsWith(receiver.origin) && started.push(`${request.method()} ${request.url()}`)));
  return started;
}

/**
 * Resolves once the signup script is done with the last submit (it clears `aria-busy` as its last
 * step; a submit the script stops, or a page without it, never sets it) and the page has answered one
 * more round trip, so every request it started before that has been reported.
 */
async function quiet(page: Page): Promise<void> {
  await page.locator("form[data-signup]:not([aria-busy])").waitFor({ state: "attached" });
  await page.evaluate(() => document.readyState);
}

describe("with JavaScript, where the provider allows an in-place sign-up", () => {
  it("delivers one POST with the address in the provider's field and announces the confirmation", async () => {
    const page = await openArticle(withJs, origin.inPlace);
    const sent = requestsFrom(page);
    await submit(page, "reader@example.org");
    expect(await announced(page)).toEqual({ text: `Thanks for signing up. ${NOTE}`, state: "success", visible: true });
    await quiet(page);
    expect(sent).toEqual([`POST ${receiver.origin}/subscribe`]);
    expect(receiver.posts()).toHaveLength(1);
    const [post] = receiver.posts();
    expect(post).toMatchObject({ path: "/subscribe", origin: origin.inPlace, fields: { EMAIL: "reader@example.org", list: "daily", _gotcha: "" } });
    expect(post?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(page.url()).toBe(origin.inPlace + ARTICLE);
    expect(await page.inputValue("#signup-daily-email")).toBe("");
    await photograph(page.locator(".signup"), "signup-success.png");
    await page.close();
  });

  it("keeps the typed address and says so when the provider refuses", async () => {
    const page = await openArticle(withJs, origin.inPlace);
    receiver.answerNext(422, { message: "This address cannot receive mail." });
    await submit(page, "reader@example.org");
    expect(await announced(page)).toEqual({
      text: "Sorry, your sign-up did not go through. Please try again. (This address cannot receive mail.)",
      state: "error",
      visible: true,
    });
    expect(receiver.posts()).toHaveLength(1);
    expect(await page.inputValue("#signup-daily-email")).toBe("reader@example.org");
    await photograph(page.locator(".signup"), "signup-refused.png");
    await page.close();
  });

  it("keeps the typed address when the provider cannot be reached", async () => {
    const page = await openArticle(withJs, origin.inPlace);
    await page.route(`${receiver.origin}/**`, (route) => route.abort("connectionrefused"));
    await submit(page, "reader@example.org");
    expect((await announced(page)).text).toBe("Sorry, your sign-up did not go through. Please try again.");
    expect(await page.inputValue("#signup-daily-email")).toBe("reader@example.org");
    await page.close();
  });

  it("listmonk: posts JSON to its public API and says to check the inbox only when listmonk says so", async () => {
    const page = await openArticle(withJs, origin.listmonk);
    const sent = requestsFrom(page);
    await submit(page, "reader@example.org");
    expect(await announced(page)).toEqual({ text: `Thanks for signing up. ${NOTE}`, state: "success", visible: true });
    await quiet(page);
    expect(sent).toEqual([`POST ${receiver.origin}/listmonk/api/public/subscription`]);
    expect(receiver.posts()).toHaveLength(1);
    expect(receiver.posts()[0]).toMatchObject({ path: "/listmonk/api/public/subscription", json: { email: "reader@example.org", list_uuids: [LIST_A, LIST_B] } });
    // The JSON body needs a CORS preflight: a listmonk that does not allow the site gets no POST at all.
    expect(receiver.requests.map((request) => request.method)).toEqual(["OPTIONS", "POST"]);

    receiver.clear();
    receiver.answerNext(200, { data: { has_optin: false } });
    await submit(page, "second@example.org");
    await page.locator("#signup-daily-message").filter({ hasText: /^Thanks for signing up\.$/ }).waitFor();
    expect(receiver.posts()).toHaveLength(1);
    await page.close();
  });

  it("leaves the normal POST alone where the provider allows no in-place sign-up: one POST, the provider's page", async () => {
    const page = await openArticle(withJs, origin.plain);
    await Promise.all([page.waitForURL(`${receiver.origin}/subscribe`), submit(page, "reader@example.org")]);
    expect(await page.locator("h1").textContent()).toBe("Almost there");
    expect(receiver.posts()).toHaveLength(1);
    expect(receiver.posts()[0]?.fields).toEqual({ list: "daily", EMAIL: "reader@example.org", _gotcha: "" });
    await page.close();
  });
});

describe("with JavaScript, an invalid address or a filled honeypot", () => {
  it("stops an invalid address with a visible message the field announces, and sends nothing", async () => {
    const page = await openArticle(withJs, origin.inPlace);
    const sent = requestsFrom(page);
    await submit(page, "reader-at-example.org");
    const message = await announced(page);
    const field = await page.$eval("#signup-daily-email", (input) => {
      const email = input as HTMLInputElement;
      return { valid: email.validity.valid, validationMessage: email.validationMessage, invalid: email.getAttribute("aria-invalid"), focused: document.activeElement === email, describedBy: email.getAttribute("aria-describedby") };
    });
    expect(field.valid).toBe(false);
    expect(field.validationMessage).toMatch(/@/);
    expect(message).toEqual({ text: field.validationMessage, state: "error", visible: true });
    expect(field).toMatchObject({ invalid: "true", focused: true });
    expect(field.describedBy?.split(" ")).toContain("signup-daily-message");
    expect(await page.getAttribute("#signup-daily-message", "role")).toBe("status");
    await photograph(page.locator(".signup"), "signup-invalid.png");
    // Typing a valid address clears the complaint.
    await page.fill("#signup-daily-email", "reader@example.org");
    expect(await page.getAttribute("#signup-daily-email", "aria-invalid")).toBeNull();
    expect(await page.textContent("#signup-daily-message")).toBe("");
    await quiet(page);
    expect(sent).toEqual([]);
    expect(receiver.requests).toEqual([]);
    await page.close();
  });

  it("passes axe's WCAG 2.2 AA rules with the honeypot and the error message showing, light and dark", async () => {
    const page = await openArticle(withJs, origin.inPlace);
    await submit(page, "reader-at-example.org");
    await announced(page);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await axeViolations(page, ".signup"), colorScheme).toEqual([]);
    }
    await page.close();
  });

  it.each([
    ["submitted in place", "inPlace"],
    ["posted normally", "plain"],
  ] as const)("sends nothing when the honeypot is filled (form %s)", async (_, which) => {
    const page = await openArticle(withJs, origin[which]);
    const sent = requestsFrom(page);
    // What a bot does: fills every text field it finds.
    await page.$eval("input[name=_gotcha]", (input) => void ((input as HTMLInputElement).value = "https://spam.example/"));
    await submit(page, "bot@example.org");
    await quiet(page);
    expect(sent).toEqual([]);
    expect(receiver.requests).toEqual([]);
    expect(page.url()).toBe(origin[which] + ARTICLE);
    await page.close();
  });
});

describe("without JavaScript", () => {
  it.each([
    ["generic", "inPlace", "/subscribe", { list: "daily", EMAIL: "reader@example.org", _gotcha: "" }],
    ["listmonk", "listmonk", "/listmonk/subscription/form", { l: [LIST_A, LIST_B], email: "reader@example.org", nonce: "" }],
  ] as const)("%s: a normal POST delivers one sign-up and the provider's own confirmation page", async (_, which, path, fields) => {
    const page = await openArticle(withoutJs, origin[which]);
    await Promise.all([page.waitForURL(receiver.origin + path), submit(page, "reader@example.org")]);
    expect(await page.locator("h1").textContent()).toBe("Almost there");
    expect(await page.locator("p").textContent()).toBe("Check your inbox to confirm your subscription.");
    expect(receiver.posts()).toHaveLength(1);
    expect(receiver.posts()[0]).toMatchObject({ path, origin: origin[which], fields });
    await page.close();
  });

  it("the browser stops an invalid address with its own message, and nothing is sent", async () => {
    const page = await openArticle(withoutJs, origin.inPlace);
    const sent = requestsFrom(page);
    await submit(page, "reader-at-example.org");
    await quiet(page);
    expect(sent).toEqual([]);
    const field = await page.$eval("#signup-daily-email", (input) => ({ valid: (input as HTMLInputElement).validity.valid, message: (input as HTMLInputElement).validationMessage }));
    expect(field.valid).toBe(false);
    expect(field.message).toMatch(/@/);
    expect(page.url()).toBe(origin.inPlace + ARTICLE);
    expect(receiver.requests).toEqual([]);
    await page.close();
  });

  it("the article reads completely: headline, body, photo, bios, signup box", async () => {
    const page = await openArticle(withoutJs, origin.inPlace);
    expect(await page.locator("h1").textContent()).toBe("Council backs harbour plan after long night");
    const body = page.locator(".article__body p");
    expect(await body.count()).toBeGreaterThan(1);
    expect(await body.first().isVisible()).toBe(true);
    expect(await page.locator(".dateline").first().textContent()).toMatch(/PORT ALDER/);
    const photo = page.locator("figure.figure--lead img");
    await photo.scrollIntoViewIfNeeded();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>("figure.figure--lead img");
      return img?.complete && img.naturalWidth > 0;
    });
    expect(await photo.isVisible()).toBe(true);
    const bios = page.locator("aside.author-bio");
    expect(await bios.count()).toBe(2);
    for (const bio of await bios.all()) expect(await bio.locator(".author-bio__name").isVisible()).toBe(true);
    expect(await page.locator(".signup form").isVisible()).toBe(true);
    expect(await page.locator("#signup-daily-note").textContent()).toBe(NOTE);
    await page.close();
  });
});
