// Browser tests: a built site served over HTTP on 127.0.0.1, a stand-in newsletter provider on
// another port, and Chromium through playwright-core (found by tests/setup/chromium.ts; nothing here
// can download a browser).
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { inject } from "vitest";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from "playwright-core";
import { createRequire } from "node:module";
import type { AxeResults, RunOptions } from "axe-core";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".yml": "text/yaml; charset=utf-8",
  ".wasm": "application/wasm",
};

export interface StaticServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The site's path prefix ("/news/"): the output folder is served there, and nothing else is. */
  pathPrefix?: string;
  /** Response headers for every file, e.g. a Content-Security-Policy, or the headers for a request's path. */
  headers?: Record<string, string> | ((pathname: string) => Record<string, string>);
}

/** Serves `outputDir` as a static host would: folders as their index.html, 404 for anything else. */
export async function serveSite(outputDir: string, { pathPrefix = "/", headers: headersOption = {} }: ServeOptions = {}): Promise<StaticServer> {
  const root = path.resolve(outputDir);
  // A malformed %-escape throws in decodeURIComponent: a 400, not an unhandled rejection that fails the run.
  const server = http.createServer((request, response) => void answer(request, response).catch(() => response.writeHead(400, { "content-type": "text/plain" }).end("Bad request")));
  async function answer(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    const headers = typeof headersOption === "function" ? headersOption(pathname) : headersOption;
    let file = pathname.startsWith(pathPrefix) ? path.join(root, decodeURIComponent(pathname.slice(pathPrefix.length))) : "";
    if (file && pathname.endsWith("/")) file = path.join(file, "index.html");
    const body = file.startsWith(root) ? await fs.readFile(file).catch(() => undefined) : undefined;
    if (!body) {
      response.writeHead(404, { "content-type": "text/plain", ...headers }).end("Not found");
      return;
    }
    response.writeHead(200, { "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream", ...headers }).end(body);
  }
  return listen(server);
}

async function listen(server: http.Server): Promise<StaticServer> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** One request as the provider received it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  origin: string | undefined;
  contentType: string | undefined;
  body: string;
  /** The body read as the form's fields (urlencoded) or as JSON. */
  fields: Record<string, string | string[]>;
  json: unknown;
}

export interface Receiver extends StaticServer {
  /** Every request so far, preflights included. */
  requests: ReceivedRequest[];
  /** Only the POSTs: the sign-ups. */
  posts(): ReceivedRequest[];
  /** Answers the next POST with this status and JSON body (a refusal, or listmonk's `has_optin: false`). */
  answerNext(status: number, body: object): void;
  clear(): void;
}

/**
 * A stand-in for a newsletter provider: it accepts every POST, answers a browser's form post with its
 * own confirmation page and a script's fetch with JSON (`{ data: { has_optin: true } }`, as listmonk
 * does), and allows CORS from any origin, as a provider configured for the site would.
 */
export async function startReceiver(): Promise<Receiver> {
  const requests: ReceivedRequest[] = [];
  let answer: { status: number; body: object } | undefined;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const contentType = request.headers["content-type"];
      const json = contentType?.startsWith("application/json") ? (JSON.parse(body) as unknown) : undefined;
      const fields: Record<string, string | string[]> = {};
      if (contentType?.startsWith("application/x-www-form-urlencoded")) {
        for (const [name, value] of new URLSearchParams(body)) {
          const previous = fields[name];
          fields[name] = previous === undefined ? value : [previous, value].flat();
        }
      }
      requests.push({ method: request.method ?? "", path: request.url ?? "", origin: request.headers.origin, contentType, body, fields, json });
      const cors = { "access-control-allow-origin": request.headers.origin ?? "*", vary: "Origin" };
      if (request.method === "OPTIONS") {
        response.writeHead(204, { ...cors, "access-control-allow-methods": "POST", "access-control-allow-headers": "content-type, accept", "access-control-max-age": "0" }).end();
        return;
      }
      if (answer) {
        const { status, body: json } = answer;
        answer = undefined;
        response.writeHead(status, { ...cors, "content-type": "application/json" }).end(JSON.stringify(json));
        return;
      }
      if (request.headers.accept?.includes("application/json")) {
        response.writeHead(200, { ...cors, "content-type": "application/json" }).end(JSON.stringify({ data: { has_optin: true } }));
        return;
      }
      // An icon of its own (empty): else Chromium asks for /favicon.ico after the page has loaded,
      // and that GET can reach the receiver during the next test, which checks that nothing was sent.
      response
        .writeHead(200, { ...cors, "content-type": "text/html; charset=utf-8" })
        .end(`<!DOCTYPE html><html lang="en"><head><title>Almost there</title><link rel="icon" href="data:,"></head><body><h1>Almost there</h1><p>Check your inbox to confirm your subscription.</p></body></html>`);
    });
  });
  const listening = await listen(server);
  return {
    ...listening,
    requests,
    posts: () => requests.filter((request) => request.method === "POST"),
    answerNext: (status, body) => void (answer = { status, body }),
    clear: () => void requests.splice(0),
  };
}

/** Chromium, headless, with nothing that reaches the network by itself. */
export function launchChromium(): Promise<Browser> {
  const found = inject("chromium");
  if ("error" in found) throw new Error(found.error);
  return chromium.launch({
    executablePath: found.path,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

/** The headers a `_headers` file (Netlify / Cloudflare Pages format) gives to every path ("/*"). */
export function parseHeaders(text: string): Record<string, string> {
  const block = text.split(/\n(?=\S)/).find((section) => section.startsWith("/*\n")) ?? "";
  return Object.fromEntries(
    block
      .split("\n")
      .slice(1)
      .map((line) => line.trim().split(/:\s(.*)/s).slice(0, 2) as [string, string])
      .filter(([name]) => name),
  );
}

/**
 * The headers a `_headers` file gives a request for `pathname`, as each host applies it: every
 * matching rule's headers, in file order. Cloudflare Pages joins two values of one header with a
 * comma unless a later rule detaches it with "! Name"; Netlify skips a line without a colon and lets
 * a later rule's value replace an earlier one's (its local server, `netlify dev`, merges rules so).
 */
export function headersFor(text: string, pathname: string, host: "cloudflare" | "netlify"): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const block of text.split(/\n(?=\S)/)) {
    const [rule = "", ...lines] = block.split("\n");
    const pattern = new RegExp(`^${rule.trim().replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`);
    if (!pattern.test(pathname)) continue;
    for (const line of lines.map((entry) => entry.trim()).filter(Boolean)) {
      if (line.startsWith("!")) {
        if (host === "cloudflare") delete headers[line.slice(1).trim()];
        continue;
      }
      const [name = "", value = ""] = line.split(/:\s(.*)/s);
      headers[name] = host === "cloudflare" && headers[name] !== undefined ? `${headers[name]}, ${value}` : value;
    }
  }
  return headers;
}

/** A built site served with the headers of its own `_headers` file, and a Chromium to open it. */
export interface ServedSite {
  headers: Record<string, string>;
  server: StaticServer;
  browser: Browser;
  close(): Promise<void>;
}

export async function serveWithChromium(outputDir: string): Promise<ServedSite> {
  const headers = parseHeaders(await fs.readFile(path.join(outputDir, "_headers"), "utf8"));
  const server = await serveSite(outputDir, { headers });
  const browser = await launchChromium().catch(async (error: unknown) => {
    await server.close();
    throw error;
  });
  return {
    headers,
    server,
    browser,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** What `withPage` sets on a page it reuses; the other options need a context of their own. */
export interface PageOptions extends Omit<BrowserContextOptions, "viewport" | "colorScheme" | "reducedMotion"> {
  viewport?: { width: number; height: number };
  colorScheme?: "light" | "dark";
  reducedMotion?: "reduce" | "no-preference";
}

/** Idle pages, by browser and by the context options they were opened with. */
const idlePages = new WeakMap<Browser, Map<string, { context: Promise<BrowserContext>; idle: Page[] }>>();

/**
 * Opens `url` with `options` and hands the page to `check`. The page is one the browser has open
 * already, navigated again, whenever one with the same context options is free: a fresh context
 * starts a renderer process and compiles axe anew, 2.5 times the cost of the whole check (0.73 s
 * against 0.29 s for a load and an axe run, measured on the sample's pages). Viewport, colour scheme
 * and reduced motion are set for each use (print media unset); a page whose check failed is closed, not reused.
 */
export async function withPage<T>(browser: Browser, url: string, options: PageOptions, check: (page: Page) => Promise<T>): Promise<T> {
  const { viewport = { width: 1280, height: 720 }, colorScheme = "light", reducedMotion = "no-preference", ...contextOptions } = options;
  const pools = idlePages.get(browser) ?? new Map<string, { context: Promise<BrowserContext>; idle: Page[] }>();
  idlePages.set(browser, pools);
  const key = JSON.stringify(contextOptions);
  let pool = pools.get(key);
  if (!pool) {
    pool = { context: browser.newContext(contextOptions), idle: [] };
    pools.set(key, pool);
  }
  const page = pool.idle.pop() ?? (await (await pool.context).newPage());
  let result: T;
  try {
    await page.setViewportSize(viewport);
    await page.emulateMedia({ media: null, colorScheme, reducedMotion });
    await page.goto(url);
    result = await check(page);
  } catch (error) {
    await page.close();
    throw error;
  }
  pool.idle.push(page);
  return result;
}

/** axe-core's tags for WCAG 2.2 AA: every check of the browser tests runs these. */
export const WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];
const AXE_SOURCE = await fs.readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * axe-core's WCAG 2.2 AA results for the open page (or the part `include` selects), run in the page
 * itself, in every frame. Not @axe-core/playwright: its analyze() injects axe again on every call
 * and finishes each run in a new blank page, 5–8 times the cost of the same rules run here, and the
 * browser tests run axe some two hundred times. `resultTypes` keeps the passes' details out.
 */
export async function axeResults(page: Page, { include, resultTypes = ["violations"] }: { include?: string; resultTypes?: RunOptions["resultTypes"] } = {}): Promise<AxeResults> {
  for (const frame of page.frames()) {
    if (!(await frame.evaluate(() => "axe" in window))) await frame.evaluate(AXE_SOURCE);
  }
  return page.evaluate(
    ([context, options]) => (window as unknown as { axe: { run: (context: unknown, options: RunOptions) => Promise<AxeResults> } }).axe.run(context ?? document, options),
    [include ?? null, { runOnly: { type: "tag", values: WCAG_22_AA }, resultTypes }] as const,
  );
}

/** axe-core's WCAG 2.2 AA violations on the open page (or the part `include` selects), one line each. */
export async function axeViolations(page: Page, include?: string): Promise<string[]> {
  const results = await axeResults(page, include === undefined ? {} : { include });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join("; ")}`);
}

/** Where the browser tests' screenshots go (git-ignored), for a person to look at. */
export const ARTIFACTS = path.resolve(import.meta.dirname, "../artifacts");

/**
 * Photographs the page (whole, unless `fullPage: false`) or one element into tests/artifacts/`name`,
 * only under `npm run screenshots` (DATELINE_SCREENSHOTS=1): they are for looking at, no test reads
 * them, and the sixty-odd full-page shots cost the suite about twenty seconds.
 */
export async function photograph(target: Page | Locator, name: string, { fullPage = true } = {}): Promise<void> {
  if (!process.env["DATELINE_SCREENSHOTS"]) return;
  const file = path.join(ARTIFACTS, name);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await ("goto" in target ? target.screenshot({ path: file, fullPage }) : target.screenshot({ path: file }));
}
