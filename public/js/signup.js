// Enhances the signup form (layouts/SignupForm.tsx): a visible, announced message for an invalid
// address; nothing sent when the honeypot is filled; an in-place sign-up where the provider allows
// it (docs/newsletter.md). Without this script the form posts to the provider as usual. Each form of
// a page is enhanced.
for (const form of document.querySelectorAll("form[data-signup]")) if (form instanceof HTMLFormElement) enhance(form);

/** @param {HTMLFormElement} form */
function enhance(form) {
  const data = form.dataset;
  const email = /** @type {HTMLInputElement} */ (form.querySelector("input[type=email]"));
  const message = /** @type {HTMLElement} */ (form.querySelector("[data-signup-message]"));
  const trap = form.elements.namedItem(data.signupHoneypot ?? "");
  let busy = false;
  const say = (text, state) => {
    message.textContent = text;
    message.dataset.state = state;
  };

  // The browser still checks the address; its message goes next to the field, not in a bubble.
  email.addEventListener("invalid", (event) => {
    event.preventDefault();
    email.setAttribute("aria-invalid", "true");
    say(email.validationMessage, "error");
    email.focus();
  });
  email.addEventListener("input", () => {
    if (email.validity.valid && email.hasAttribute("aria-invalid")) {
      email.removeAttribute("aria-invalid");
      say("", "");
    }
  });

  form.addEventListener("submit", async (event) => {
    if (trap instanceof HTMLInputElement && trap.value) return event.preventDefault();
    const { signupInPlace: kind, signupEndpoint: endpoint } = data;
    if (!kind || !endpoint) return;
    event.preventDefault();
    if (busy) return;
    busy = true;
    form.setAttribute("aria-busy", "true");
    say("", "");
    let reason = "";
    try {
      const fields = new FormData(form);
      const json = kind === "listmonk";
      const response = await fetch(endpoint, {
        method: "POST",
        mode: "cors",
        credentials: "omit",
        headers: { accept: "application/json", ...(json && { "content-type": "application/json" }) },
        // listmonk's public API takes JSON; other endpoints get the fields the form would post.
        body: json ? JSON.stringify({ email: fields.get("email"), list_uuids: fields.getAll("l") }) : new URLSearchParams(/** @type {any} */ (fields)),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        if (typeof body?.message == "string") reason = ` (${body.message})`;
        throw Error();
      }
      // Only listmonk says if the address still needs confirming.
      const pending = data.signupPending && body?.data?.has_optin !== false;
      say(pending ? `${data.signupSuccess} ${data.signupPending}` : `${data.signupSuccess}`, "success");
      email.value = "";
    } catch {
      // Refused, unreachable or blocked by CORS: the address stays for another try.
      say(`${data.signupError}${reason}`, "error");
    } finally {
      busy = false;
      form.removeAttribute("aria-busy");
    }
  });
}
