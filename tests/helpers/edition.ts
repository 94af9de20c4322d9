// What the edition tests share: `npm run edition` run for a fixture site without blocking the test
// process (a local receiver may be answering it), a local stand-in for the providers' APIs, and every
// edition of a newsroom as the command renders it.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { makeSite, type FixtureSite } from "./site.ts";
import { runCommand, type CommandRun } from "./commands.ts";
import { copySample, SAMPLE_NOW } from "./sample.ts";
import { loadNewsroom } from "../../src/build/build.ts";
import { buildEditions } from "../../src/site/editions.ts";
import { renderEmailHtml, unsubscribePlaceholder } from "../../src/edition/email.ts";
import type { Edition } from "../../src/edition/model.ts";

export type EditionRun = CommandRun;

/**
 * Runs `npm run edition` for `fixture` (its content and output) in a kept command process
 * (tests/helpers/commands.ts), or with `ownProcess` in a fresh one; no token from the environment
 * unless `env` gives one. It does not block the test process, whose local receiver may be answering it.
 */
export function runEdition(fixture: FixtureSite, args: string[], env: Record<string, string> = {}, { ownProcess = false } = {}): Promise<EditionRun> {
  return runCommand("edition", ["--content", fixture.contentDir, "--output", fixture.outputDir, ...args], {
    env: { DATELINE_CACHE_DIR: fixture.cacheDir, DATELINE_NEWSLETTER_TOKEN: "", DATELINE_NEWSLETTER_USER: "", ...env },
    ownProcess,
  });
}

export interface ApiRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  json: Record<string, unknown> | undefined;
}

/** What the stand-in answers: listmonk's lists (uuid → numeric id) and the ids of what it creates. */
export interface ApiAnswers {
  lists: { id: number; uuid: string }[];
  campaign: number;
  draft: string;
}

/** A stand-in for Buttondown's, Mailchimp's and listmonk's APIs on 127.0.0.1: records each request, answers as each API does. */
export async function startProviderApi(answers: ApiAnswers): Promise<{ origin: string; requests: ApiRequest[]; close: () => Promise<void> }> {
  const requests: ApiRequest[] = [];
  const server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      requests.push({ method: request.method ?? "", path: request.url ?? "", authorization: request.headers.authorization, json: body ? (JSON.parse(body) as Record<string, unknown>) : undefined });
      const answer = request.url === "/api/lists?per_page=all" ? { data: { results: answers.lists } } : request.url === "/api/campaigns" ? { data: { id: answers.campaign } } : { id: answers.draft };
      response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export interface RenderedEdition {
  /** "en-US daily 2026-11-21" */
  name: string;
  edition: Edition;
  html: string;
  unsubscribe: string | undefined;
}

/**
 * Every edition of every newsletter of a site, newest first, rendered as `npm run edition` renders
 * it; the photos the emails show are copied into the site's output folder.
 */
export async function renderedEditions(fixture: FixtureSite, now: Date): Promise<RenderedEdition[]> {
  const { content, newsroom, images } = await loadNewsroom({ input: fixture.contentDir, cacheDir: fixture.cacheDir, now, preview: false });
  const teasers = newsroom.articles.map((article) => article.teaser);
  const rendered: RenderedEdition[] = [];
  for (const newsletter of newsroom.site.newsletters) {
    const unsubscribe = unsubscribePlaceholder(newsletter);
    for (const edition of buildEditions(newsroom.site, newsletter, teasers, content.notes, now.toISOString().slice(0, 10))) {
      rendered.push({ name: `${newsroom.site.language} ${newsletter.id} ${edition.day}`, edition, html: renderEmailHtml(edition, unsubscribe), unsubscribe });
    }
  }
  await images.copyUsed(fixture.outputDir);
  return rendered;
}

/**
 * The editions the email tests look at: every edition of the sample newsroom (both newsletters) and
 * of the Arabic fixture, each site in a folder of its own (remove them after).
 */
export async function sampleAndArabicEditions(): Promise<{ sites: FixtureSite[]; editions: (RenderedEdition & { outputDir: string })[] }> {
  const sample = await copySample();
  const arabic = await makeSite("arabic-newsroom");
  const editions = [];
  for (const [site, now] of [[sample, SAMPLE_NOW], [arabic, new Date("2026-03-12T15:00:00Z")]] as const) {
    for (const rendered of await renderedEditions(site, now)) editions.push({ ...rendered, outputDir: site.outputDir });
  }
  return { sites: [sample, arabic], editions };
}
