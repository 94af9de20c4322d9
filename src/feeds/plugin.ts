// Eleventy plugin: Atom and JSON feeds for the site, each section and each author, written as
// virtual templates over the newsroom (see docs/feeds.md for ids and choices).
import type UserConfig from "@11ty/eleventy/UserConfig";
import type { Newsroom } from "../content/types.ts";
import { changedArticles } from "../content/preview-changes.ts";
import { addPages, type Narrowing } from "../pages/virtual.ts";
import { buildFeed, scopeArticles } from "./feed.ts";
import { renderAtom } from "./atom.ts";
import { renderJsonFeed } from "./json-feed.ts";
import { feedPath, feedScopes, type FeedScope } from "./links.ts";

/**
 * Feeds carry their newest articles' full text: a preview edit rewrites the feeds that carry the
 * article. A feed (one per section and per author, in two formats) that none of the changed articles
 * belongs to is ruled out on those few articles, without listing its own.
 */
const narrowing: Narrowing<FeedScope> = {
  affected: (scope, changes, newsroom) =>
    scopeArticles(scope, changedArticles(newsroom, changes.changed)).length > 0 &&
    scopeArticles(scope, newsroom.articles).some((article) => changes.changed.has(article.id)),
};

export default function feedsPlugin(eleventyConfig: UserConfig): void {
  const scopes = (newsroom: Newsroom) => feedScopes(newsroom.site, newsroom.authors);
  addPages<FeedScope>(eleventyConfig, "feed-atom", scopes, (scope) => feedPath(scope, "atom"), (scope, newsroom) => renderAtom(buildFeed(scope, newsroom)), narrowing);
  addPages<FeedScope>(eleventyConfig, "feed-json", scopes, (scope) => feedPath(scope, "json"), (scope, newsroom) => renderJsonFeed(buildFeed(scope, newsroom)), narrowing);
}
