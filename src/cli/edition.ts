// `npm run edition -- [--newsletter <id>] --date 2026-11-20 [--send]`: builds one edition of a
// newsletter as email (HTML and plain text) from the published articles, prints where the files are
// and what is in it, and with --send hands it to the newsletter's provider as a draft. Nothing is
// ever sent to subscribers from here.
import fs from "node:fs/promises";
import path from "node:path";
import { DateTime } from "luxon";
import { loadSettings } from "../content/load-settings.ts";
import { imageCacheOf, loadNewsroom } from "../build/build.ts";
import { cacheDirFrom } from "./build-command.ts";
import { ContentError } from "../content/errors.ts";
import { buildNow } from "../now.ts";
import { buildEdition, editionPath, type Edition } from "../edition/model.ts";
import { offSchedule } from "../edition/schedule.ts";
import { addDays, dayIn } from "../dates.ts";
import type { Newsletter } from "../site/newsletters.ts";
import type { Site } from "../site/site.ts";
import { EditorNoteError } from "../edition/note.ts";
import { MAX_EMAIL_BYTES, renderEmail, unsubscribePlaceholder } from "../edition/email.ts";
import { checkSendable, sendDraft, SendError } from "../edition/send.ts";
import { checkOutputFolder, markOutputFolder, OutputFolderError } from "../build/output-folder.ts";
import { reportLeftovers, writeFileAtomically } from "../build/leftovers.ts";
import { isMain, parseCommandLine, UsageError } from "./command-line.ts";

const USAGE = "usage: npm run edition -- [--newsletter <id>] --date <yyyy-mm-dd> [--send] [--content <dir>] [--output <dir>] [--unsubscribe <placeholder>]";

/** A day that has no edition: nothing published, not yet come, before the start or not the weekly day. */
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

/** The newsletter `--newsletter` names, or the only one; a usage error names the ids otherwise. */
export function chooseNewsletter(site: Site, id: string | undefined): Newsletter {
  const ids = site.newsletters.map((newsletter) => newsletter.id).join(", ");
  if (id === undefined) {
    const [only, ...others] = site.newsletters;
    if (only && others.length === 0) return only;
    throw new UsageError(`--newsletter is required: the settings have ${site.newsletters.length} newsletters (${ids})`, USAGE);
  }
  const found = site.newsletters.find((newsletter) => newsletter.id === id);
  if (!found) throw new UsageError(`--newsletter "${id}" is not a newsletter of the settings (newsletters: ${ids})`, USAGE);
  return found;
}

/** A day the newsletter's own rule gives no edition: before its start, or not its weekly day. */
function checkSchedule(newsletter: Newsletter, day: string): void {
  const off = offSchedule(newsletter, day);
  if (off === "before-start") throw new NoEditionError(`[edition] ${day} is before ${newsletter.id}'s first edition (start: ${newsletter.start}): no edition`);
  if (off === "not-weekday") {
    const weekday = newsletter.weekday ?? "monday";
    throw new NoEditionError(`[edition] ${newsletter.id} comes out on ${weekday[0]?.toUpperCase()}${weekday.slice(1)}s and ${day} is not one: no edition (its edition covers the week that ends on it)`);
  }
}

/** "12.3 KB" */
function size(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

/** The one screen printed after writing an edition. */
export function summarizeEdition(edition: Edition, files: { html: string; text: string; htmlBytes: number }): string {
  const lines = [
    `[edition] ${edition.newsletter.name}, ${edition.dateLabel}: ${edition.storyCount} ${edition.storyCount === 1 ? "story" : "stories"}`,
    `  subject:   ${edition.subject}`,
    `  lead:      ${edition.lead.headline}`,
    ...edition.sections.map((group) => `  ${`${group.section.title}:`.padEnd(10)} ${group.stories.length} (${group.stories.map((story) => story.headline).join("; ")})`),
  ];
  if (edition.note) lines.push(`  note:      ${edition.note.paragraphs.length} paragraph(s)${edition.note.signed ? `, signed ${edition.note.signed}` : ""}`);
  lines.push(`  email.html ${files.html} (${size(files.htmlBytes)})`, `  email.txt  ${files.text}`, `  web page   ${edition.webUrl} (written by npm run build)`);
  return lines.join("\n");
}

export interface EditionOptions {
  /** The newsletter's id; may be left out when the settings have one newsletter. */
  newsletter?: string | undefined;
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
  const newsletter = chooseNewsletter(site, options.newsletter);
  const today = dayIn(buildNow(), site.timeZone);
  if (options.day > today) throw new NoEditionError(`[edition] ${options.day} is in the future (today is ${today} in ${site.timeZone}): there is no edition yet`);
  checkSchedule(newsletter, options.day);
  // Sending is checked before any work, so a missing token is said at once.
  if (options.send) checkSendable(newsletter, env);

  // The production newsroom, loaded as `npm run build` loads it (same cache).
  const cacheDir = cacheDirFrom(env);
  const { content, images, newsroom } = await loadNewsroom({ input: contentDir, cacheDir, now: buildNow(), preview: false });
  const edition = buildEdition(site, newsletter, newsroom.articles.map((article) => article.teaser), options.day, content.notes.get(newsletter.id)?.get(options.day));
  if (!edition) {
    const when = newsletter.frequency === "weekly" ? `from ${addDays(options.day, -6)} to ${options.day}` : `on ${options.day}`;
    const which = newsletter.sections ? ` in ${newsletter.sections.join(", ")}` : "";
    throw new NoEditionError(`[edition] no articles were published ${when}${which} (${site.timeZone}): no edition`);
  }

  const unsubscribe = unsubscribePlaceholder(newsletter) ?? options.unsubscribe;
  const email = renderEmail(edition, unsubscribe);
  const folder = path.join(options.outputDir, editionPath(newsletter, options.day));
  // Files of an earlier edition run killed midway, and a new output folder marked as ours.
  await reportLeftovers({ output: options.outputDir, cacheDir: imageCacheOf(cacheDir), inOutput: ["img", editionPath(newsletter, options.day)] });
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
    const draft = await sendDraft(edition, email.html, newsletter, env);
    lines.push(`[edition] draft created in ${draft.where}${draft.id ? ` (id ${draft.id})` : ""}; review and send it there`);
  }
  return lines;
}

/** Runs the command: 0 when the edition was written (and the draft posted), 1 when it could not be, 2 on bad usage. */
export async function main(args: readonly string[]): Promise<number> {
  let options: EditionOptions;
  try {
    const { values } = parseCommandLine(args, USAGE, {
      newsletter: { type: "string" },
      date: { type: "string" },
      send: { type: "boolean", default: false },
      content: { type: "string", default: "content" },
      output: { type: "string", default: "_site" },
      unsubscribe: { type: "string" },
    });
    options = { newsletter: values.newsletter, day: parseDay(values.date), contentDir: values.content, outputDir: values.output, send: values.send, unsubscribe: values.unsubscribe };
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(error.message);
    return 2;
  }
  try {
    for (const line of await makeEdition(options)) console.log(line);
    return 0;
  } catch (error) {
    if (error instanceof OutputFolderError || error instanceof UsageError) {
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
