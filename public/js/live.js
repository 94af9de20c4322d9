// Keeps a live blog current (layouts/LiveUpdates.tsx): every minute while the tab is visible, it
// fetches this page again and, when a newer build has updates the reader has not seen, offers them
// with an announced button. Nothing moves until the reader asks: no auto-scroll, no animation.
// Without this script the page is complete as built; a reload shows the latest build. What it says
// comes from the page, in the site's language (data-live-messages).
const list = document.querySelector(".live-updates[data-live-poll-seconds]");
if (list instanceof HTMLElement) follow(list);

/** @param {HTMLElement} list */
function follow(list) {
  const seconds = Math.max(1, Number(list.dataset.livePollSeconds) || 60);
  const messages = JSON.parse(list.dataset.liveMessages ?? "{}");
  const lang = document.documentElement.lang;
  /** A plural message's form for `count`, as the build picks forms (src/i18n/). */
  const counted = (/** @type {Record<string, string>} */ forms, /** @type {number} */ count) =>
    (forms[new Intl.PluralRules(lang).select(count)] ?? forms.other ?? "").replace("{count}", new Intl.NumberFormat(lang).format(count));
  // The live region exists before anything is said in it, so screen readers announce what appears.
  const notice = document.createElement("div");
  notice.className = "live-notice";
  notice.setAttribute("aria-live", "polite");
  list.before(notice);

  /** @type {Document | undefined} */
  let latest;
  let checking = false;
  let stopped = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;

  const schedule = () => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(check, seconds * 1000);
  };

  /** Updates in a fetched page that this page does not show yet. */
  const unseen = (/** @type {Document} */ doc) =>
    [...doc.querySelectorAll(".live-updates .live-update[id]")].filter((update) => !document.getElementById(update.id));

  async function check() {
    if (checking || stopped || document.visibilityState === "hidden") return;
    checking = true;
    // Busy while a check runs: assistive technology holds announcements until it is done (and the
    // browser tests know when a check has finished).
    notice.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(location.href.split("#")[0], { cache: "no-store", headers: { accept: "text/html" } });
      if (!response.ok) return;
      const doc = new DOMParser().parseFromString(await response.text(), "text/html");
      const count = unseen(doc).length;
      const ended = doc.querySelector(".live-updates[data-live-poll-seconds]") === null;
      if (count === 0 && !ended) return;
      latest = doc;
      offer(count, ended);
    } catch {
      // Offline or a host hiccup: the page stays as it is and the next check tries again.
    } finally {
      checking = false;
      notice.removeAttribute("aria-busy");
      schedule();
    }
  }

  function offer(count, ended) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "live-notice__button";
    button.textContent = count > 0 ? counted(messages.offer, count) : messages.offerEnded;
    button.addEventListener("click", show);
    notice.replaceChildren(button);
    if (ended) stopped = true;
  }

  function show() {
    const doc = latest;
    if (!doc) return;
    // Insert each unseen update where the new build has it (newest first), keeping the ones shown.
    const fetched = [...doc.querySelectorAll(".live-updates .live-update[id]")];
    /** @type {Element | null} */
    let next = null;
    /** @type {HTMLElement[]} */
    const added = [];
    for (const update of fetched.reverse()) {
      const shown = document.getElementById(update.id);
      if (shown) next = shown;
      else {
        const node = /** @type {HTMLElement} */ (document.importNode(update, true));
        list.insertBefore(node, next);
        added.unshift(node);
        next = node;
      }
    }
    // The header follows the new build: the "Updated" time, and the ended state once coverage stops.
    for (const selector of ["#live-status", ".article__header .timestamps"]) {
      const fresh = doc.querySelector(selector);
      const current = document.querySelector(selector);
      if (fresh && current) current.replaceWith(document.importNode(fresh, true));
    }
    notice.textContent = added.length > 0 ? counted(messages.shown, added.length) : messages.ended;
    latest = undefined;
    const first = added[0];
    if (first) {
      // Focus goes to the first new update for keyboard and screen reader users, without scrolling.
      first.tabIndex = -1;
      first.focus({ preventScroll: true });
    }
  }

  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") void check();
    else clearTimeout(timer);
  });
  schedule();
}
