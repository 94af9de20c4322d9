// Issue 20: two newsletters end to end. The two-newsletters fixture, both forms pointed at the local
// receiver that stands in for the providers (tests/helpers/browser.ts), is served with the
// Content-Security-Policy of its own _headers. On a business story both boxes show: each delivers
// its own sign-up, with JavaScript (listmonk, in place) and without (a plain POST).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { axeViolations, serveWithChromium, startReceiver, type Receiver, type ServedSite } from "../helpers/browser.ts";
import { buildSite, makeSite, removeSite, type FixtureSite } from "../helpers/site.ts";
import { editSettings } from "../helpers/settings.ts";

const STORY = "/2026/03/05/date-only/";
const WEEKLY_LIST = "0f9e8d7c-6b5a-4f3e-9d2c-1b0a9f8e7d6c";

let site: FixtureSite;
let receiver: Receiver;
let served: ServedSite;
let withJs: BrowserContext;
let withoutJs: BrowserContext;
const cspViolations: string[] = [];

beforeAll(async () => {
  receiver = await startReceiver();
  site = await makeSite("two-newsletters");
  // Both providers are the local receiver: the daily one a plain form, the weekly one a listmonk.
  await editSettings(site, (text) =>
    text
      .replace("    provider: buttondown\n    username: gazette\n", `    action: ${receiver.origin}/daily\n    hiddenFields: { list: daily }\n    doubleOptIn: Check your inbox to confirm.\n`)
      .replace("    url: https://lists.gazette.example.org\n", `    url: ${receiver.origin}/weekly/\n    submitInPlace: true\n    doubleOptIn: Check your inbox to confirm.\n`),
  );
  await buildSite(site);
  served = await serveWithChromium(site.outputDir);
  withJs = await served.browser.newContext();
  withoutJs = await served.browser.newContext({ javaScriptEnabled: false });
  for (const context of [withJs, withoutJs]) context.on("console", (message) => void (message.text().includes("Content Security Policy") && cspViolations.push(message.text())));
}, 180_000);

afterAll(async () => {
  await served?.close();
  await receiver?.close();
  if (site) await removeSite(site);
  expect(cspViolations).toEqual([]);
});

async function openStory(context: BrowserContext): Promise<Page> {
  receiver.clear();
  const page = await context.newPage();
  await page.goto(served.server.origin + STORY);
  return page;
}

describe("two signup boxes on one page", () => {
  it("are both there, labelled and axe clean", async () => {
    const page = await openStory(withJs);
    expect(await page.locator("section.signup h2").allTextContents()).toEqual(["Sign up for daily headlines", "Sign up for our weekly newsletter"]);
    expect(await page.getByLabel("Email address").count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it("with JavaScript: the weekly box signs up in place to its own list, and only it announces", async () => {
    const page = await openStory(withJs);
    await page.fill("#signup-business-week-email", "reader@example.org");
    await page.click('[data-newsletter="business-week"] button[type=submit]');
    await page.locator("#signup-business-week-message").filter({ hasText: /\S/ }).waitFor();
    expect(await page.textContent("#signup-business-week-message")).toBe("Thanks for signing up. Check your inbox to confirm.");
    expect(await page.textContent("#signup-daily-message")).toBe("");
    expect(receiver.posts()).toHaveLength(1);
    expect(receiver.posts()[0]).toMatchObject({ path: "/weekly/api/public/subscription", json: { email: "reader@example.org", list_uuids: [WEEKLY_LIST] } });
    expect(page.url()).toBe(served.server.origin + STORY);
    await page.close();
  });

  it("without JavaScript: each box posts its own form to its own provider", async () => {
    for (const [id, path, fields] of [
      ["daily", "/daily", { list: "daily", email: "first@example.org" }],
      ["business-week", "/weekly/subscription/form", { l: WEEKLY_LIST, email: "first@example.org", nonce: "" }],
    ] as const) {
      const page = await openStory(withoutJs);
      await page.fill(`#signup-${id}-email`, "first@example.org");
      await Promise.all([page.waitForURL(`${receiver.origin}${path}`), page.click(`[data-newsletter="${id}"] button[type=submit]`)]);
      expect(await page.locator("h1").textContent(), id).toBe("Almost there");
      expect(receiver.posts(), id).toHaveLength(1);
      expect(receiver.posts()[0]?.fields, id).toEqual(fields);
      await page.close();
    }
  });
});
