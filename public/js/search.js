// Progressive enhancement for the search page (layouts/SearchPage.tsx): loads the Pagefind bundle,
// runs the query in ?q= and lists the results. Without this script the page still offers the sections.
// What it says comes from the page, in the site's language (data-search-messages).
const PAGE_SIZE = 10;

const root = document.querySelector("[data-search]");
if (root instanceof HTMLElement) enhance(root);

/** @param {HTMLElement} root */
async function enhance(root) {
  const input = /** @type {HTMLInputElement} */ (root.querySelector('input[name="q"]'));
  const status = /** @type {HTMLElement} */ (root.querySelector("[data-search-status]"));
  const list = /** @type {HTMLElement} */ (root.querySelector("[data-search-results]"));
  const more = /** @type {HTMLElement} */ (root.querySelector("[data-search-more]"));
  const query = (new URLSearchParams(location.search).get("q") ?? "").trim();
  input.value = query;
  const messages = JSON.parse(root.dataset.searchMessages ?? "{}");

  const fallback = root.querySelector("[data-search-fallback]");
  if (query) status.textContent = messages.searching;
  try {
    const pagefind = await import(`${root.dataset.searchBundle}pagefind.js`);
    const baseUrl = root.dataset.searchBase;
    await pagefind.options({ baseUrl });
    await pagefind.init();
    // A site built in parts has one index per part: results from all of them come ranked together.
    for (const bundle of (root.dataset.searchMerge ?? "").split(" ").filter(Boolean)) await pagefind.mergeIndex(bundle, { baseUrl });
    // Search works here: the "needs JavaScript" note and its section links are not the way in.
    fallback?.setAttribute("hidden", "");
    if (query) await showResults(await pagefind.search(query), query, { status, list, more }, messages);
  } catch (error) {
    // E.g. a Content-Security-Policy without 'wasm-unsafe-eval', or the bundle missing.
    status.textContent = messages.unavailable;
    fallback?.querySelector("[data-search-nojs]")?.remove();
    fallback?.removeAttribute("hidden");
    throw error;
  }
}

/**
 * @param {{ results: { data(): Promise<any> }[] }} search
 * @param {string} query
 * @param {{ status: HTMLElement, list: HTMLElement, more: HTMLElement }} elements
 * @param {{ results: Record<string, string>, none: string }} messages
 */
async function showResults({ results }, query, { status, list, more }, messages) {
  let shown = 0;
  const showMore = async () => {
    const page = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((result) => result.data()));
    const items = page.map(renderResult);
    list.append(...items);
    shown += items.length;
    list.hidden = shown === 0;
    more.hidden = shown >= results.length;
    return items;
  };
  more.querySelector("button")?.addEventListener("click", async () => {
    const [first] = await showMore();
    first?.querySelector("a")?.focus();
  });
  await showMore();
  status.textContent = resultsMessage(results.length, query, messages);
}

/**
 * "3 results for 'ferry'" in the page's language: the plural form Intl.PluralRules picks for the
 * count, as the build picks forms (src/i18n/), and the count written the language's way.
 * @param {number} count
 * @param {string} query
 * @param {{ results: Record<string, string>, none: string }} messages
 */
function resultsMessage(count, query, messages) {
  const lang = document.documentElement.lang;
  const template = count === 0 ? messages.none : (messages.results[new Intl.PluralRules(lang).select(count)] ?? messages.results.other);
  return template.replace("{count}", new Intl.NumberFormat(lang).format(count)).replace("{query}", () => query);
}

/** @param {{ url: string, meta: { title?: string }, excerpt: string }} data */
function renderResult(data) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  const excerpt = document.createElement("p");
  excerpt.append(...excerptNodes(data.excerpt));
  item.append(heading, excerpt);
  return item;
}

/**
 * Pagefind's excerpt is HTML: escaped text with <mark> around the matched words. Only text and
 * those marks are kept, so nothing from the index can ever add markup or script to the page.
 * @param {string} html
 */
function excerptNodes(html) {
  const parsed = new DOMParser().parseFromString(html, "text/html").body;
  return Array.from(parsed.childNodes, (node) => {
    if (node.nodeName !== "MARK") return document.createTextNode(node.textContent ?? "");
    const mark = document.createElement("mark");
    mark.textContent = node.textContent;
    return mark;
  });
}
