import type { Site } from "../src/site.ts";

/** The newsletter box: a plain form posting to the provider, usable without JavaScript. */
export function SignupForm({ site }: { site: Site }) {
  const { newsletter } = site;
  return (
    <section class="signup" aria-labelledby="signup-heading">
      <h2 id="signup-heading">{newsletter.heading}</h2>
      <p>{newsletter.description}</p>
      <form class="signup__form" action={newsletter.action} method={newsletter.method}>
        {Object.entries(newsletter.hiddenFields).map(([name, value]) => (
          <input type="hidden" name={name} value={value} />
        ))}
        <label for="signup-email">Email address</label>
        <div class="signup__row">
          <input id="signup-email" type="email" name={newsletter.emailField} required autocomplete="email" spellcheck={false} />
          <button type="submit">{newsletter.buttonLabel}</button>
        </div>
      </form>
      {newsletter.privacy && <p class="signup__privacy">{newsletter.privacy}</p>}
    </section>
  );
}
