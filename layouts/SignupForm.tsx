import type { Site } from "../src/site/site.ts";
import { siteUrl } from "../src/site/site.ts";
import { versionedPath } from "../src/site/assets.ts";
import { buildProviderForm } from "../src/newsletter/presets.ts";

/**
 * The newsletter box: the provider's own form, posting to it without JavaScript. public/js/signup.js
 * adds messages next to the field and, where the provider allows it, submits in place.
 */
export function SignupForm({ site }: { site: Site }) {
  const { newsletter } = site;
  const form = buildProviderForm(newsletter);
  const describedBy = ["signup-message", newsletter.doubleOptIn && "signup-note", newsletter.privacy && "signup-privacy"].filter(Boolean).join(" ");
  return (
    <section class="signup" aria-labelledby="signup-heading">
      <h2 id="signup-heading">{newsletter.heading}</h2>
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
        <label for="signup-email">Email address</label>
        <div class="signup__row">
          <input id="signup-email" type="email" name={form.emailField} required autocomplete="email" spellcheck={false} aria-describedby={describedBy} />
          <button type="submit">{newsletter.buttonLabel}</button>
        </div>
        {form.honeypot && (
          // Off-screen rather than display:none, as providers do: bots fill it, people never reach it.
          <div class="signup__trap" aria-hidden="true">
            <label for="signup-trap">Leave this field empty</label>
            <input id="signup-trap" type="text" name={form.honeypot} value="" tabIndex={-1} autocomplete="off" />
          </div>
        )}
        <p id="signup-message" class="signup__message" role="status" data-signup-message=""></p>
      </form>
      {newsletter.doubleOptIn && (
        <p id="signup-note" class="signup__note">
          {newsletter.doubleOptIn}
        </p>
      )}
      {newsletter.privacy && (
        <p id="signup-privacy" class="signup__privacy">
          {newsletter.privacy}
        </p>
      )}
      <script type="module" src={siteUrl(site, versionedPath("/js/signup.js"))}></script>
    </section>
  );
}
