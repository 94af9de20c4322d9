// Newsletter presets: each provider's documented subscribe form (action, method, fields, honeypot),
// built from the settings, and whether public/js/signup.js may submit it in place. docs/newsletter.md
// explains what an in-place sign-up can honestly confirm for each provider.
import type { NewsletterSettings } from "../content/schema.ts";
import { addressUnder, parseUrl } from "../content/web-address.ts";

/** The form a provider expects, ready for layouts/SignupForm.tsx. */
export interface ProviderForm {
  action: string;
  method: "post" | "get";
  /** Name of the email input. */
  emailField: string;
  /** Hidden inputs in order; a name may repeat (listmonk's `l`, Buttondown's `tag`). */
  hidden: { name: string; value: string }[];
  /** Name of the off-screen input only bots fill; the provider refuses a sign-up that has it. */
  honeypot?: string | undefined;
  /**
   * How the script may submit in place: `form` posts the same fields with CORS and reads the status;
   * `listmonk` posts JSON to listmonk's public API. Absent: the script leaves the normal POST alone.
   */
  inPlace?: { kind: "form" | "listmonk"; endpoint: string } | undefined;
}

export interface MailchimpAction {
  /** "https://ledger.us21.list-manage.com" */
  origin: string;
  /** The account id, `u`. */
  u: string;
  /** The audience id, `id`. */
  id: string;
  /** The form id some embed codes carry, `f_id`. */
  fId?: string | undefined;
}

/**
 * Reads the form action of Mailchimp's embedded form code, as pasted: `&amp;` from the HTML is
 * accepted. Undefined when it is not a `https://….list-manage.com/subscribe/post?u=…&id=…` address.
 */
export function parseMailchimpAction(action: string): MailchimpAction | undefined {
  const url = action.trim().replace(/&amp;/g, "&");
  const parsed = parseUrl(url);
  if (!parsed) return undefined;
  const u = parsed.searchParams.get("u") ?? "";
  const id = parsed.searchParams.get("id") ?? "";
  const fId = parsed.searchParams.get("f_id") ?? undefined;
  const hex = /^[0-9a-f]+$/i;
  if (parsed.protocol !== "https:" || !/(^|\.)list-manage\d*\.com$/i.test(parsed.hostname) || parsed.pathname.replace(/\/$/, "") !== "/subscribe/post") return undefined;
  if (!hex.test(u) || !hex.test(id) || (fId !== undefined && !hex.test(fId))) return undefined;
  return { origin: parsed.origin, u, id, fId };
}

/** The form each provider documents, from validated settings. */
export function buildProviderForm(newsletter: NewsletterSettings): ProviderForm {
  switch (newsletter.provider) {
    case undefined:
    case "generic":
      return {
        action: newsletter.action,
        method: newsletter.method,
        emailField: newsletter.emailField,
        hidden: Object.entries(newsletter.hiddenFields).map(([name, value]) => ({ name, value })),
        honeypot: newsletter.honeypot,
        inPlace: newsletter.submitInPlace ? { kind: "form", endpoint: newsletter.action } : undefined,
      };
    case "buttondown":
      // buttondown.com/api/emails/embed-subscribe/<username>: `email`, and a `tag` input per tag.
      return {
        action: addressUnder("https://buttondown.com/api/emails/embed-subscribe/", encodeURIComponent(newsletter.username)),
        method: "post",
        emailField: "email",
        hidden: newsletter.tags.map((tag) => ({ name: "tag", value: tag })),
      };
    case "mailchimp": {
      // The schema has checked the address; `b_<u>_<id>` is the honeypot of Mailchimp's embed code.
      const { origin, u, id, fId } = parseMailchimpAction(newsletter.action) as MailchimpAction;
      const action = new URL("/subscribe/post", origin);
      action.search = new URLSearchParams({ u, id, ...(fId ? { f_id: fId } : {}) }).toString();
      return { action: action.href, method: "post", emailField: "EMAIL", hidden: [], honeypot: `b_${u}_${id}` };
    }
    case "listmonk": {
      // <listmonk>/subscription/form: `email`, an `l` per list UUID and the `nonce` honeypot. The
      // schema has refused a query or fragment in the address; the paths are resolved, not appended.
      return {
        action: addressUnder(newsletter.url, "subscription/form"),
        method: "post",
        emailField: "email",
        hidden: newsletter.lists.map((list) => ({ name: "l", value: list })),
        honeypot: "nonce",
        inPlace: newsletter.submitInPlace ? { kind: "listmonk", endpoint: addressUnder(newsletter.url, "api/public/subscription") } : undefined,
      };
    }
  }
}
