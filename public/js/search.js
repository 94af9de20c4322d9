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
  const params = new URLSearchParams(location.search);
  const query = (params.get("q") ?? "").trim();
  input.value = query;
  // The facets are selects of the same GET form: the URL says which are chosen.
  /** @type {Record<string, string>} */
  const filters = {};
  for (const select of root.querySelectorAll("select[name]")) {
    if (!(select instanceof HTMLSelectElement)) continue;
    const value = params.get(select.name) ?? "";
    if (!value || ![...select.options].some((option) => option.value === value)) continue;
    select.value = value;
    filters[select.name] = value;
  }
  const searching = Boolean(query) || Object.keys(filters).length > 0;
  const messages = JSON.parse(root.dataset.searchMessages ?? "{}");

  const fallback = root.querySelector("[data-search-fallback]");
  if (searching) status.textContent = messages.searching;
  try {
    const search = await openSearch(root);
    // Search works here: the "needs JavaScript" note and its section links are not the way in.
    fallback?.setAttribute("hidden", "");
    // A facet without words lists every story it matches (Pagefind's search(null)).
    if (searching) await showResults(await search(query || null, filters), query, { status, list, more }, messages);
  } catch (error) {
    // E.g. a Content-Security-Policy without 'wasm-unsafe-eval', or the bundle missing.
    status.textContent = messages.unavailable;
    fallback?.querySelector("[data-search-nojs]")?.remove();
    fallback?.removeAttribute("hidden");
    throw error;
  }
}

/**
 * Pagefind with the site's index, as its readers search it: `search(query, filters)` gives the results,
 * ranked. The index is one index of the whole site, joined at build time from the shards the build
 * indexes (src/build/pagefind-merge.js), so it matches and ranks as one index does. Exported for the
 * tests, which search a built site as its readers do.
 * @param {HTMLElement} root the search page's `[data-search]` element
 * @returns {Promise<(query: string | null, filters?: Record<string, string>) => Promise<{ id: string, data(): Promise<any> }[]>>}
 */
export async function openSearch(root) {
  const pagefind = await import(`${root.dataset.searchBundle}pagefind.js`);
  await pagefind.options({ baseUrl: root.dataset.searchBase });
  await pagefind.init();
  // A search of nothing returns at once, but only once Pagefind's WebAssembly is running, and throws
  // if it cannot run (a Content-Security-Policy without 'wasm-unsafe-eval'): the page says so at once.
  await pagefind.search("");
  return async (query, filters = {}) => (await pagefind.search(query, { filters })).results;
}

/**
 * @param {{ id: string, data(): Promise<any> }[]} results
 * @param {string} query
 * @param {{ status: HTMLElement, list: HTMLElement, more: HTMLElement }} elements
 * @param {{ results: Record<string, string>, none: string }} messages
 */
async function showResults(results, query, { status, list, more }, messages) {
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

/**
 * One result, shaped like a listing's teaser: section, headline, the passage around the match, date
 * and byline, and the lead photo's thumbnail with its size (so nothing shifts as it loads).
 * @param {{ url: string, meta: Record<string, string | undefined>, excerpt: string }} data
 */
function renderResult(data) {
  const { meta } = data;
  const item = document.createElement("li");
  item.className = "search-result";
  const teaser = element("article", "teaser teaser--standard");
  const text = element("div", "teaser__text");
  if (meta.section) text.append(element("p", "teaser__section", meta.section));
  const heading = element("h2", "teaser__headline");
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = meta.title ?? data.url;
  heading.append(link);
  const excerpt = element("p", "teaser__summary search-result__excerpt");
  excerpt.append(...excerptNodes(data.excerpt));
  const details = element("p", "teaser__meta");
  if (meta.date) {
    const time = element("time", "", meta.date);
    if (meta.datetime) time.setAttribute("datetime", meta.datetime);
    details.append(time);
  }
  if (meta.byline) details.append(`${meta.date ? " · " : ""}${meta.byline}`);
  text.append(heading, excerpt, details);
  if (meta.image) {
    const image = element("img", "teaser__photo");
    image.setAttribute("src", meta.image);
    image.setAttribute("alt", meta.image_alt ?? "");
    image.setAttribute("width", meta.image_width ?? "480");
    image.setAttribute("height", meta.image_height ?? "320");
    image.setAttribute("loading", "lazy");
    image.setAttribute("decoding", "async");
    const picture = document.createElement("picture");
    picture.append(image);
    teaser.append(picture);
  }
  teaser.append(text);
  item.append(teaser);
  return item;
}

/**
 * @param {string} name
 * @param {string} className
 * @param {string} [text]
 */
function element(name, className, text) {
  const node = document.createElement(name);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
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
