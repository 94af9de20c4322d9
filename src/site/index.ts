// The whole site as page specs, from the newsroom alone: what the build plan digests and the writer
// renders. Pure; the clock enters only as `now` (the News sitemap's window, the editions, the
// front page's date).
import type { Newsroom } from "../content/types.ts";
import type { EditorNotes } from "../content/load-notes.ts";
import type { PageSpec } from "./page.ts";
import { htmlPages } from "./pages.ts";
import { editionPages } from "./editions.ts";
import { feedFiles, headersFile, robotsFile, sitemapFilesOf } from "./files.ts";
import { planSearchShards, searchPage, type SearchShard } from "./search.ts";
import { standalonePages } from "./standalone.ts";
import { collectCorrections, correctionsPages } from "./corrections-log.ts";
import { collectTags } from "./collections.ts";
import { adminPages } from "./admin.ts";
import { rankRelatedStories, type RelatedRanking } from "./related.ts";

export interface SiteOptions {
  /** The build's "now": which articles are still news, which weekly editions have come. */
  now: Date;
  /** Editors' notes for newsletter editions, by newsletter and day. */
  notes: EditorNotes;
  /** The search shards, when the build has planned them already (`searchShardsOf`; the amendments shard last). */
  shards?: SearchShard[];
  /** The related stories the last build of this code ranked (`SitePlan.related`): reused when they ranked the same stories. */
  related?: RelatedRanking | undefined;
}

/** The search index's shards, newest first. */
export function searchShardsOf(newsroom: Newsroom): SearchShard[] {
  return planSearchShards(newsroom.articles.map((article) => article.teaser));
}

export interface SitePlan {
  pages: PageSpec[];
  /** The search index's shards, newest first. */
  shards: SearchShard[];
  /** Every story's related stories, for the next build to reuse. */
  related: RelatedRanking;
  /** How many topics the stories have (collected once, for the pages, feeds and sitemap): the build's summary counts them. */
  topics: number;
}

export function planSite(newsroom: Newsroom, options: SiteOptions): SitePlan {
  const teasers = newsroom.articles.map((article) => article.teaser);
  const shards = options.shards ?? searchShardsOf(newsroom);
  const related = rankRelatedStories(teasers, options.related);
  // Collected once for every page that lists them: the topics' pages, feeds and sitemap; the log and the sitemap.
  const tags = collectTags(teasers);
  const corrections = collectCorrections(newsroom.articles);
  return {
    pages: [
      ...htmlPages(newsroom, { now: options.now, related, tags }),
      ...standalonePages(newsroom),
      ...correctionsPages(newsroom, corrections),
      searchPage(newsroom.shell, shards),
      ...editionPages(newsroom.shell, teasers, options.notes, options.now),
      ...feedFiles(newsroom, tags),
      ...sitemapFilesOf(newsroom, { teasers, tags, newestCorrection: corrections[0]?.date }, options.now),
      robotsFile(newsroom),
      headersFile(newsroom),
      ...adminPages(newsroom),
    ],
    shards,
    related,
    topics: tags.length,
  };
}
