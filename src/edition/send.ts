// Hands an edition to the newsletter provider as a DRAFT: the provider's editor is where a person
// reviews and sends it. Nothing here can reach subscribers. The token comes from the environment
// only (never a file in the repository), one per newsletter where they are on different accounts;
// the API address can be pointed at a local receiver.
import type { NewsletterSettings } from "../content/schema.ts";
import { NEWSLETTERS_PATH } from "../site/newsletters.ts";
import { parseMailchimpAction } from "../newsletter/presets.ts";
import type { Edition } from "./model.ts";

/** The provider API token (Buttondown API key, Mailchimp API key, listmonk API token). */
export const TOKEN_VARIABLE = "DATELINE_NEWSLETTER_TOKEN";

/** Which newsletter a draft is for: its id names its own token variable when it is one of several. */
type Sendable = NewsletterSettings & { id?: string | undefined; path?: string | undefined };

/** "DATELINE_NEWSLETTER_TOKEN_WEEKLY_SPORTS": the token of one newsletter of several, before the shared one. */
export function tokenVariables(newsletter: Sendable): string[] {
  const own = newsletter.id !== undefined && newsletter.path !== undefined && newsletter.path !== NEWSLETTERS_PATH;
  return own ? [`${TOKEN_VARIABLE}_${(newsletter.id ?? "").toUpperCase().replace(/-/g, "_")}`, TOKEN_VARIABLE] : [TOKEN_VARIABLE];
}
/** listmonk only: the API user the token belongs to (listmonk → Users → API). */
export const USER_VARIABLE = "DATELINE_NEWSLETTER_USER";
/** Overrides the provider's API base address (tests point it at a local receiver). */
export const API_VARIABLE = "DATELINE_NEWSLETTER_API";

/** Sending cannot be done as asked: missing token, a provider without an API, a refused request. */
export class SendError extends Error {
  override name = "SendError";
}

export interface DraftRequest {
  method: "GET" | "POST" | "PUT";
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

export interface SentDraft {
  provider: string;
  /** The provider's id of the draft, when it answered one. */
  id?: string;
  /** Where the editor finds it. */
  where: string;
}

type Env = Record<string, string | undefined>;
type Fetch = typeof fetch;

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
}

function requireToken(env: Env, provider: string, newsletter: Sendable): string {
  const variables = tokenVariables(newsletter);
  const token = variables.map((name) => env[name]?.trim()).find((value) => value);
  if (token) return token;
  const [first, ...fallback] = variables;
  const where = fallback.length > 0 ? `${first} (or ${fallback.join(", ")}, shared by every newsletter)` : first;
  throw new SendError(`--send needs the ${provider} API token in the environment variable ${where} (it is never read from a file)`);
}

async function call(fetcher: Fetch, request: DraftRequest, provider: string): Promise<Record<string, unknown>> {
  const response = await fetcher(request.url, {
    method: request.method,
    headers: { accept: "application/json", ...(request.body !== undefined && { "content-type": "application/json" }), ...request.headers },
    ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
  }).catch((error: unknown) => {
    throw new SendError(`${provider} could not be reached at ${new URL(request.url).origin}: ${error instanceof Error ? error.message : String(error)}`);
  });
  const text = await response.text();
  if (!response.ok) throw new SendError(`${provider} refused the draft: ${request.method} ${new URL(request.url).pathname} answered ${response.status} ${text.slice(0, 200).replace(/\s+/g, " ")}`);
  try {
    return text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
  } catch {
    return {};
  }
}

/** Throws the SendError `sendDraft` would for a provider without an API or a missing credential, before any work. */
export function checkSendable(newsletter: Sendable, env: Env = process.env): void {
  switch (newsletter.provider) {
    case undefined:
    case "generic":
      throw new SendError(GENERIC_HAS_NO_API);
    case "buttondown":
      requireToken(env, "Buttondown", newsletter);
      return;
    case "mailchimp":
      requireToken(env, "Mailchimp", newsletter);
      return;
    case "listmonk":
      requireToken(env, "listmonk", newsletter);
      requireListmonkUser(env);
  }
}

const GENERIC_HAS_NO_API = "--send: the generic newsletter provider has no API Dateline knows; paste email.html into your provider's editor instead";

function requireListmonkUser(env: Env): string {
  const user = env[USER_VARIABLE]?.trim();
  if (!user) throw new SendError(`--send needs the listmonk API user in the environment variable ${USER_VARIABLE} (listmonk → Users → API)`);
  return user;
}

/** Posts the edition as a draft through the provider's API; throws SendError with one clear line. */
export async function sendDraft(edition: Edition, html: string, newsletter: Sendable, env: Env = process.env, fetcher: Fetch = fetch): Promise<SentDraft> {
  const apiBase = (fallback: string) => (env[API_VARIABLE]?.trim() || fallback).replace(/\/+$/, "");
  switch (newsletter.provider) {
    case undefined:
    case "generic":
      throw new SendError(GENERIC_HAS_NO_API);
    case "buttondown": {
      // https://docs.buttondown.com/api-emails-create: status "draft" keeps it in the Buttondown editor.
      const token = requireToken(env, "Buttondown", newsletter);
      const answer = await call(
        fetcher,
        { method: "POST", url: `${apiBase("https://api.buttondown.com")}/v1/emails`, headers: { authorization: `Token ${token}` }, body: { subject: edition.subject, body: html, status: "draft" } },
        "Buttondown",
      );
      return { provider: "buttondown", ...(typeof answer["id"] === "string" && { id: answer["id"] }), where: "Buttondown → Emails → Drafts" };
    }
    case "mailchimp": {
      // A regular campaign to the form's audience, then its HTML: a campaign stays unsent until someone sends it.
      const token = requireToken(env, "Mailchimp", newsletter);
      const action = parseMailchimpAction(newsletter.action);
      // The data centre is in the form's host ("ledger.us21.list-manage.com") and must match the key's suffix.
      const dc = action ? (new URL(action.origin).hostname.split(".")[1] ?? "") : "";
      const root = apiBase(`https://${dc}.api.mailchimp.com`);
      const headers = { authorization: basic("dateline", token) };
      const campaign = await call(
        fetcher,
        {
          method: "POST",
          url: `${root}/3.0/campaigns`,
          headers,
          body: {
            type: "regular",
            recipients: { list_id: action?.id },
            settings: { subject_line: edition.subject, preview_text: edition.preheader, title: `${edition.site.name}: ${edition.newsletter.name} ${edition.day}`, from_name: edition.site.name },
          },
        },
        "Mailchimp",
      );
      const id = typeof campaign["id"] === "string" ? campaign["id"] : undefined;
      if (!id) throw new SendError("Mailchimp created no campaign id: check the audience in the newsletter's form address");
      await call(fetcher, { method: "PUT", url: `${root}/3.0/campaigns/${encodeURIComponent(id)}/content`, headers, body: { html } }, "Mailchimp");
      return { provider: "mailchimp", id, where: "Mailchimp → Campaigns (draft)" };
    }
    case "listmonk": {
      // listmonk creates every campaign as a draft; it is sent only from its own screen.
      const token = requireToken(env, "listmonk", newsletter);
      const user = requireListmonkUser(env);
      const root = apiBase(newsletter.url);
      const headers = { authorization: basic(user, token) };
      // Settings name lists by UUID (the public form needs those); the campaign API takes numeric ids.
      const known = await call(fetcher, { method: "GET", url: `${root}/api/lists?per_page=all`, headers }, "listmonk");
      const results = ((known["data"] as { results?: unknown } | undefined)?.results ?? []) as { id?: unknown; uuid?: unknown }[];
      const lists = newsletter.lists.map((uuid) => {
        const found = results.find((list) => typeof list.uuid === "string" && list.uuid.toLowerCase() === uuid.toLowerCase());
        if (typeof found?.id !== "number") throw new SendError(`listmonk has no list ${uuid} (newsletter.lists in content/settings.yml; listmonk → Lists → the list → UUID)`);
        return found.id;
      });
      const answer = await call(
        fetcher,
        {
          method: "POST",
          url: `${root}/api/campaigns`,
          headers,
          body: { name: `${edition.site.name}: ${edition.newsletter.name} ${edition.day}`, subject: edition.subject, lists, content_type: "html", body: html, type: "regular" },
        },
        "listmonk",
      );
      const data = answer["data"] as { id?: unknown } | undefined;
      return { provider: "listmonk", ...((typeof data?.id === "number" || typeof data?.id === "string") && { id: String(data.id) }), where: "listmonk → Campaigns (draft)" };
    }
  }
}
