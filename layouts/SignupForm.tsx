import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { buildProviderForm } from "../src/newsletter/presets.ts";
import type { Newsletter, Signups } from "../src/site/newsletters.ts";
import { localeOf } from "../src/i18n/index.ts";

/**
 * One newsletter's box: the provider's own form, posting to it without JavaScript. Its ids carry the
 * newsletter's id, so a page can hold several boxes; `script` (its versioned site path) is loaded by one.
 */
export function SignupForm({ newsletter, site, script }: { newsletter: Newsletter; site: Site; script?: string | undefined }) {
  const locale = localeOf(site.language);
  const form = buildProviderForm(newsletter);
  const id = (what: string) => `signup-${newsletter.id}-${what}`;
  const describedBy = [id("message"), newsletter.doubleOptIn && id("note"), newsletter.privacy && id("privacy")].filter(Boolean).join(" ");
  return (
    <section class="signup" aria-labelledby={id("heading")} data-newsletter={newsletter.id}>
      <h2 id={id("heading")}>{newsletter.heading}</h2>
      <p>{newsletter.description}</p>
      <form
        class="signup__form"
        action={form.action}
        method={form.method}
        data-signup=""
        data-signup-in-place={form.inPlace?.kind}
        data-signup-endpoint={form.inPlace?.endpoint}
        data-signup-honeypot={form.honeypot}
        data-signup-success={newsletter.successMessage}
        data-signup-pending={newsletter.doubleOptIn}
        data-signup-error={newsletter.errorMessage}
      >
        {form.hidden.map(({ name, value }) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <label for={id("email")}>{locale.t("signup.email")}</label>
        <div class="signup__row">
          <input id={id("email")} type="email" name={form.emailField} required autocomplete="email" spellcheck={false} aria-describedby={describedBy} />
          <button type="submit">{newsletter.buttonLabel}</button>
        </div>
        {form.honeypot && (
          // Off-screen rather than display:none, as providers do: bots fill it, people never reach it.
          <div class="signup__trap" aria-hidden="true">
            <label for={id("trap")}>{locale.t("signup.trap")}</label>
            <input id={id("trap")} type="text" name={form.honeypot} value="" tabIndex={-1} autocomplete="off" />
          </div>
        )}
        <p id={id("message")} class="signup__message" role="status" data-signup-message=""></p>
      </form>
      {newsletter.doubleOptIn && (
        <p id={id("note")} class="signup__note">
          {newsletter.doubleOptIn}
        </p>
      )}
      {newsletter.privacy && (
        <p id={id("privacy")} class="signup__privacy">
          {newsletter.privacy}
        </p>
      )}
      {script && <script type="module" src={siteUrl(site, script)}></script>}
    </section>
  );
}

/**
 * The signup boxes a page shows, in the settings' order; the last one loads the script that enhances
 * them all (public/js/signup.js: messages next to the field and, where the provider allows it, an
 * in-place sign-up).
 */
export function SignupBoxes({ signups, site }: { signups: Signups; site: Site }) {
  const { newsletters, script } = signups;
  return (
    <>
      {newsletters.map((newsletter, index) => (
        <SignupForm newsletter={newsletter} site={site} script={index === newsletters.length - 1 ? script : undefined} />
      ))}
    </>
  );
}
