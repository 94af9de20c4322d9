// `npm run edition -- --date 2026-11-20 [--send]`: builds one day's edition as email (HTML and plain
// text) from the published articles, prints where the files are and what is in it, and with --send
// hands it to the newsletter provider as a draft. Nothing is ever sent to subscribers from here.
import fs from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { loadSettings } from "../content/load-settings.ts";
import { imageCacheOf, loadNewsroom } from "../build/build.ts";
import { cacheDirFrom } from "./build.ts";
import { ContentError } from "../content/errors.ts";
import { buildNow } from "../now.ts";
import { buildEdition, editionPath, type Edition } from "../edition/model.ts";
import { EditorNoteError } from "../edition/note.ts";
import { MAX_EMAIL_BYTES, renderEmail, unsubscribePlaceholder } from "../edition/email.ts";
import { checkSendable, sendDraft, SendError } from "../edition/send.ts";
import { checkOutputFolder, markOutputFolder, OutputFolderError } from "../build/output-folder.ts";
import { reportLeftovers, writeFileAtomically } from "../build/leftovers.ts";
import { isMain, parseCommandLine, UsageError } from "./command-line.ts";

const USAGE = "usage: npm run edition -- --date <yyyy-mm-dd> [--send] [--content <dir>] [--output <dir>] [--unsubscribe <placeholder>]";

/** A day that has no edition: nothing published, or not yet come. */
export class NoEditionError extends Error {
  override name = "NoEditionError";
}

/** Reads `--date` as a calendar date; a malformed or impossible date is a usage error. */
export function parseDay(value: string | undefined): string {
  if (value === undefined) throw new UsageError("--date is required (the day of the edition, yyyy-mm-dd)", USAGE);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !DateTime.fromISO(value, { zone: "UTC" }).isValid) {
    throw new UsageError(`--date "${value}" is not a date (yyyy-mm-dd, e.g. 2026-11-20)`, USAGE);
  }
  return value;
}

/** "12.3 KB" */
function size(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** The one screen printed after writing an edition. */
export function summarizeEdition(edition: Edition, files: { html: string; text: string; htmlBytes: number }): string {
  const lines = [
    `[edition] ${edition.dateLabel}: ${edition.storyCount} ${edition.storyCount === 1 ? "story" : "stories"}`,
    `  subject:   ${edition.subject}`,
    `  lead:      ${edition.lead.headline}`,
    ...edition.sections.map((group) => `  ${`${group.section.title}:`.padEnd(10)} ${group.stories.length} (${group.stories.map((story) => story.headline).join("; ")})`),
  ];
  if (edition.note) lines.push(`  note:      ${edition.note.paragraphs.length} paragraph(s)${edition.note.signed ? `, signed ${edition.note.signed}` : ""}`);
  lines.push(`  email.html ${files.html} (${size(files.htmlBytes)})`, `  email.txt  ${files.text}`, `  web page   ${edition.webUrl} (written by npm run build)`);
  return lines.join("\n");
}

export interface EditionOptions {
  day: string;
  contentDir: string;
  outputDir: string;
  send: boolean;
  unsubscribe?: string | undefined;
  env?: Record<string, string | undefined>;
}

/** Writes the edition's files (and posts the draft); throws a one-line error when it cannot. */
export async function makeEdition(options: EditionOptions): Promise<string[]> {
  const env = options.env ?? process.env;
  const contentDir = path.resolve(options.contentDir);
  // The edition writes into the output (usually the built _site/): the same folders are refused as for a build.
  await checkOutputFolder({ output: options.outputDir, input: contentDir });
  const settings = await loadSettings(contentDir);
  if (!settings.site) throw new ContentError(settings.problems);
  const { site } = settings;
  const today = DateTime.fromJSDate(buildNow()).setZone(site.timeZone).toISODate() ?? "";
  if (options.day > today) throw new NoEditionError(`[edition] ${options.day} is in the future (today is ${today} in ${site.timeZone}): there is no edition yet`);
  // Sending is checked before any work, so a missing token is said at once.
  if (options.send) checkSendable(site.newsletter, env);

  // The production newsroom, loaded as `npm run build` loads it (same cache).
  const cacheDir = cacheDirFrom(env);
  const { content, images, newsroom } = await loadNewsroom({ input: contentDir, cacheDir, now: buildNow(), preview: false });
  const edition = buildEdition(site, newsroom.articles.map((article) => article.teaser), options.day, content.notes.get(options.day));
  if (!edition) throw new NoEditionError(`[edition] no articles were published on ${options.day} (${site.timeZone}): no edition`);

  const unsubscribe = unsubscribePlaceholder(site.newsletter) ?? options.unsubscribe;
  const email = renderEmail(edition, unsubscribe);
  const folder = path.join(options.outputDir, editionPath(options.day));
  // Files of an earlier edition run killed midway, and a new output folder marked as ours.
  await reportLeftovers({ output: options.outputDir, cacheDir: imageCacheOf(cacheDir), inOutput: ["img", editionPath(options.day)] });
  if (!(await fs.stat(options.outputDir).catch(() => undefined))) await markOutputFolder(options.outputDir);
  await fs.mkdir(folder, { recursive: true });
  const html = path.join(folder, "email.html");
  const text = path.join(folder, "email.txt");
  await writeFileAtomically(html, email.html);
  await writeFileAtomically(text, email.text);
  // The email shows the site's own photos: they are in the output once the site is built and published.
  await images.copyUsed(options.outputDir);
  const htmlBytes = Buffer.byteLength(email.html);
  const lines = [summarizeEdition(edition, { html: path.relative(process.cwd(), html), text: path.relative(process.cwd(), text), htmlBytes })];
  if (htmlBytes > MAX_EMAIL_BYTES) lines.push(`[edition] warning: email.html is ${size(htmlBytes)}, over ${size(MAX_EMAIL_BYTES)}: Gmail will clip it`);
  if (unsubscribe === undefined) lines.push("[edition] no unsubscribe link: the generic provider must add its own (or pass --unsubscribe <its placeholder>)");
  if (options.send) {
    const draft = await sendDraft(edition, email.html, site.newsletter, env);
    lines.push(`[edition] draft created in ${draft.where}${draft.id ? ` (id ${draft.id})` : ""}; review and send it there`);
  }
  return lines;
}

/** Runs the command: 0 when the edition was written (and the draft posted), 1 when it could not be, 2 on bad usage. */
export async function main(args: readonly string[]): Promise<number> {
  let options: EditionOptions;
  try {
    const { values } = parseCommandLine(args, USAGE, {
      date: { type: "string" },
      send: { type: "boolean", default: false },
      content: { type: "string", default: "content" },
      output: { type: "string", default: "_site" },
      unsubscribe: { type: "string" },
    });
    options = { day: parseDay(values.date), contentDir: values.content, outputDir: values.output, send: values.send, unsubscribe: values.unsubscribe };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return 2;
  }
  try {
    for (const line of await makeEdition(options)) console.log(line);
    return 0;
  } catch (error) {
    if (error instanceof OutputFolderError) {
      console.error(error.message);
      return 2;
    }
    if (error instanceof NoEditionError || error instanceof EditorNoteError || error instanceof ContentError) console.error(error.message);
    else if (error instanceof SendError) console.error(`[edition] ${error.message}`);
    else throw error;
    return 1;
  }
}

if (isMain(import.meta.filename)) process.exitCode = await main(process.argv.slice(2));
