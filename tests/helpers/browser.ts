// Browser tests: a built site served over HTTP on 127.0.0.1, and Debian's Chromium through
// playwright-core (nothing here can download a browser).
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";

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
};

export interface StaticServer {
  /** "http://127.0.0.1:PORT" */
  origin: string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** The site's path prefix ("/news/"): the output folder is served there, and nothing else is. */
  pathPrefix?: string;
  /** Response headers for every file, e.g. a Content-Security-Policy. */
  headers?: Record<string, string>;
}

/** Serves `outputDir` as a static host would: folders as their index.html, 404 for anything else. */
export async function serveSite(outputDir: string, { pathPrefix = "/", headers = {} }: ServeOptions = {}): Promise<StaticServer> {
  const root = path.resolve(outputDir);
  const server = http.createServer(async (request, response) => {
    const { pathname } = new URL(request.url ?? "/", "http://localhost");
    let file = pathname.startsWith(pathPrefix) ? path.join(root, decodeURIComponent(pathname.slice(pathPrefix.length))) : "";
    if (file && file.endsWith(path.sep)) file = path.join(file, "index.html");
    const body = file.startsWith(root) ? await fs.readFile(file).catch(() => undefined) : undefined;
    if (!body) {
      response.writeHead(404, { "content-type": "text/plain", ...headers }).end("Not found");
      return;
    }
    response.writeHead(200, { "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream", ...headers }).end(body);
  });
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

/** Debian's Chromium, headless, with nothing that reaches the network by itself. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
