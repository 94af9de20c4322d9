// `npm run audit`: readers' speed. Serves the built sample site (building it first when `_site/` is
// missing) and runs Lighthouse in mobile mode, with Debian's Chromium, on an article page and the
// front page. Prints the four category scores, every audit that keeps one below 100, and the
// article page's HTML + CSS size gzip-compressed. Reports land in .cache/audit/.
//
//   npm run audit                          the newest article and the front page
//   npm run audit -- --page /2026/11/19/storm-floods-harbour-front/ --build
import { spawnSync } from "node:child_process";
import fs from "node:fs/promises";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import { load } from "cheerio";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SITE = path.join(ROOT, "_site");
const REPORTS = path.join(ROOT, ".cache", "audit");
const CHROME_PATH = process.env["CHROME_PATH"] ?? "/usr/bin/chromium";
// Nothing may reach out to the network or download anything: the browser is Debian's.
const CHROME_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
/** The article page's HTML plus its stylesheets, gzip-compressed, must stay under this. */
const WEIGHT_BUDGET = 30 * 1024;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpeg": "image/jpeg",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".woff2": "font/woff2",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml|wasm)|image\/svg)/;

function parseArgs(argv: readonly string[]): { page?: string; build: boolean } {
  const options: { page?: string; build: boolean } = { build: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--build") options.build = true;
    else if (arg === "--page") {
      const value = argv[++i];
      if (!value?.startsWith("/")) throw new Error(`audit: --page needs a site path such as /2026/11/19/storm-floods-harbour-front/`);
      options.page = value;
    } else throw new Error(`audit: unknown option ${arg} (options: --page <site path>, --build)`);
  }
  return options;
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

/** The newest article: article pages live at /yyyy/mm/dd/slug/. */
async function newestArticle(): Promise<string> {
  const entries = (await fs.readdir(SITE, { recursive: true }));
  const articles = entries
    .map((entry) => entry.split(path.sep).join("/"))
    .filter((entry) => /^\d{4}\/\d{2}\/\d{2}\/[^/]+\/index\.html$/.test(entry))
    .sort();
  const newest = articles.at(-1);
  if (!newest) throw new Error(`audit: no article page in ${SITE} (expected /yyyy/mm/dd/slug/index.html)`);
  return `/${newest.replace(/index\.html$/, "")}`;
}

/**
 * A static server for `_site/` that behaves like a good static host: gzip for text, long cache
 * lifetimes for fingerprinted files (stylesheet with ?v=, images named by content hash), 404.html.
 */
function serve(root: string): Promise<{ origin: string; close: () => Promise<void> }> {
  // A request the handler cannot answer (a folder without its slash, a malformed %-escape) gets a 500
  // instead of an unhandled rejection that would end the audit.
  const server = http.createServer((request, response) => void answer(request, response).catch(() => response.headersSent ? response.destroy() : response.writeHead(500).end()));
  async function answer(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", "http://localhost");
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root)) file = path.join(root, "404.html");
    if (url.pathname.endsWith("/")) file = path.join(file, "index.html");
    let status = 200;
    if (!(await exists(file))) {
      status = 404;
      file = path.join(root, "404.html");
    }
    const body = await fs.readFile(file);
    const type = TYPES[path.extname(file)] ?? "application/octet-stream";
    const fingerprinted = url.searchParams.has("v") || url.pathname.startsWith("/img/");
    const headers: http.OutgoingHttpHeaders = {
      "content-type": type,
      "cache-control": fingerprinted ? "public, max-age=31536000, immutable" : "public, max-age=600",
    };
    const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    const payload = gzip ? zlib.gzipSync(body) : body;
    if (gzip) headers["content-encoding"] = "gzip";
    headers["content-length"] = payload.length;
    response.writeHead(status, headers);
    response.end(request.method === "HEAD" ? undefined : payload);
  }
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

/** HTML and linked stylesheets of one built page, gzip-compressed (zlib's default level, as hosts use). */
async function pageWeight(sitePath: string): Promise<{ htmlBytes: number; cssBytes: number; scripts: number; fonts: string[] }> {
  const html = await fs.readFile(path.join(SITE, sitePath, "index.html"), "utf8");
  const $ = load(html);
  const stylesheets = $('link[rel="stylesheet"][href]').toArray().map((link) => link.attribs["href"] ?? "");
  let cssBytes = 0;
  const fonts: string[] = [];
  for (const href of stylesheets) {
    const css = await fs.readFile(path.join(SITE, new URL(href, "http://localhost").pathname));
    cssBytes += zlib.gzipSync(css).length;
    for (const match of css.toString().matchAll(/url\(\s*["']?([^"')]+\.(?:woff2?|ttf|otf))/g)) fonts.push(match[1] ?? "");
  }
  // Scripts that block rendering: neither async, defer nor a module.
  const scripts = $("script[src]:not([async]):not([defer]):not([type=module])").length;
  return { htmlBytes: zlib.gzipSync(html).length, cssBytes, scripts, fonts };
}

interface AuditResult {
  scores: Record<string, number>;
  failing: { category: string; id: string; title: string; score: number | null; weight: number; value?: string }[];
}

async function audit(url: string, port: number, name: string): Promise<AuditResult> {
  const runner = await lighthouse(url, { port, output: ["json", "html"], logLevel: "error", onlyCategories: [...CATEGORIES] });
  if (!runner) throw new Error(`audit: Lighthouse returned nothing for ${url}`);
  const { lhr } = runner;
  if (lhr.runtimeError) throw new Error(`audit: Lighthouse could not load ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  await fs.mkdir(REPORTS, { recursive: true });
  const [json, html] = runner.report as string[];
  await fs.writeFile(path.join(REPORTS, `${name}.report.json`), json ?? "");
  await fs.writeFile(path.join(REPORTS, `${name}.report.html`), html ?? "");

  const scores: Record<string, number> = {};
  const failing: AuditResult["failing"] = [];
  for (const category of CATEGORIES) {
    const entry = lhr.categories[category];
    scores[category] = Math.round((entry?.score ?? 0) * 100);
    for (const ref of entry?.auditRefs ?? []) {
      const result = lhr.audits[ref.id];
      if (!result || result.scoreDisplayMode === "notApplicable" || result.scoreDisplayMode === "manual" || result.scoreDisplayMode === "informative") continue;
      // Unscored (diagnostics without a verdict) or passed; a metric at 0.9+ counts as passed.
      if (result.score === null || result.score >= 1) continue;
      if (result.scoreDisplayMode === "metricSavings" && result.score >= 0.9) continue;
      const item: AuditResult["failing"][number] = { category, id: ref.id, title: result.title, score: result.score, weight: ref.weight };
      if (result.displayValue) item.value = result.displayValue;
      failing.push(item);
    }
  }
  return { scores, failing };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (options.build || !(await exists(path.join(SITE, "index.html")))) {
    console.log("[audit] building the sample site (npm run build)");
    const built = spawnSync("npm", ["run", "build"], { cwd: ROOT, stdio: "inherit" });
    if (built.status !== 0) throw new Error("audit: the build failed");
  }
  const articlePath = options.page ?? (await newestArticle());
  const pages = [
    { name: "article", path: articlePath },
    { name: "front", path: "/" },
  ];

  const server = await serve(SITE);
  const chrome = await chromeLauncher.launch({ chromePath: CHROME_PATH, chromeFlags: CHROME_FLAGS, logLevel: "error" });
  const results: { name: string; path: string; result: AuditResult }[] = [];
  try {
    for (const page of pages) {
      console.log(`[audit] Lighthouse (mobile) on ${page.path}`);
      results.push({ ...page, result: await audit(server.origin + page.path, chrome.port, page.name) });
    }
  } finally {
    chrome.kill();
    await server.close();
  }

  console.log("");
  console.log(`| page | ${CATEGORIES.join(" | ")} |`);
  console.log(`|---|${CATEGORIES.map(() => "---").join("|")}|`);
  for (const { name, path: sitePath, result } of results) {
    console.log(`| ${name} ${sitePath} | ${CATEGORIES.map((category) => result.scores[category]).join(" | ")} |`);
  }
  for (const { name, result } of results) {
    for (const item of result.failing) {
      console.log(`[audit] ${name}: ${item.category} ${item.id} (score ${item.score ?? "n/a"}, weight ${item.weight}${item.value ? `, ${item.value}` : ""}): ${item.title}`);
    }
  }

  const weight = await pageWeight(articlePath);
  const total = weight.htmlBytes + weight.cssBytes;
  console.log(
    `[audit] article page HTML + CSS gzip: ${(total / 1024).toFixed(1)} KB (HTML ${(weight.htmlBytes / 1024).toFixed(1)} KB, CSS ${(weight.cssBytes / 1024).toFixed(1)} KB); budget ${WEIGHT_BUDGET / 1024} KB: ${total <= WEIGHT_BUDGET ? "met" : "MISSED"}`,
  );
  console.log(`[audit] render-blocking scripts on the article page: ${weight.scripts}; fonts in CSS: ${weight.fonts.length === 0 ? "none (system fonts)" : weight.fonts.join(", ")}`);
  const allPerfect = results.every(({ result }) => CATEGORIES.every((category) => result.scores[category] === 100));
  console.log(`[audit] target 100/100/100/100: ${allPerfect ? "met" : "missed"}; reports in ${path.relative(ROOT, REPORTS)}/`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
