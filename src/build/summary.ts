// The few lines after each build: what was published, what was rendered and what reused (and why),
// what the search index and the images cost, and what was left out.
//
//     [dateline] 10 articles, 5 authors, 5 sections, 23 tags: 87 files in 3.4 s
//     [dateline] rendered 12: 2 articles (changed), 10 sections (changed); reused 75 unchanged
//     [dateline] search: 1 of 3 shards indexed (120 pages), 2 reused
//     [dateline] images: 0 encoded, 42 reused
//     [dateline] 1 draft skipped: articles/2026/budget.md; 2 scheduled skipped: articles/2026/a.md, …
import type { Newsroom, SkippedArticle } from "../content/types.ts";
import type { ImageStats } from "../images/index.ts";
import { describeRendered, type BuildPlan } from "./plan.ts";
import type { WriteReport } from "./write.ts";

/** Articles named on a "skipped" line before "and N more": the summary stays one screen. */
const SKIPPED_NAMED = 5;

export interface BuildFacts {
  plan: BuildPlan;
  written: Pick<WriteReport, "rendered" | "reused" | "shardsIndexed" | "shardsReused" | "indexedPages">;
  images: Pick<ImageStats, "encoded" | "reused">;
  /** The stories' topics, as the plan collected them (`SitePlan.topics`). */
  topics: number;
  elapsedMs: number;
  /** What a slice holds, or what a merge took from its slices (src/build/slices.ts). */
  slices?: string | undefined;
}

export function summarizeBuild(newsroom: Pick<Newsroom, "articles" | "authors" | "site" | "skippedDrafts" | "skippedScheduled">, facts: BuildFacts): string {
  const { plan, written, images } = facts;
  const fromFiles = newsroom.articles.reduce((sum, article) => sum + article.fieldsFromFiles, 0);
  const totals = [count(newsroom.articles.length, "article"), count(newsroom.authors.length, "author"), count(newsroom.site.sections.length, "section"), count(facts.topics, "tag")].join(", ");
  const kinds = describeRendered(plan);
  const shards = written.shardsIndexed + written.shardsReused;
  // Amended shards are reused as they are; their changed stories are in the amendments shard (src/build/search-amendments.ts).
  const amended = plan.shards.filter((planned) => planned.reason === "amended");
  const amendedStories = amended.reduce((sum, planned) => sum + (planned.amendedStories ?? 0), 0);
  const amendments = amended.length > 0 ? ` (${amended.length} amended: ${count(amendedStories, "story", "stories")} in the amendments shard, ${count(plan.hidden.length, "outdated entry", "outdated entries")} hidden)` : "";
  const lines = [
    `${totals}: ${count(written.rendered + written.reused, "file")} in ${(facts.elapsedMs / 1000).toFixed(1)} s`,
    `rendered ${written.rendered}${kinds.length > 0 ? `: ${kinds.join(", ")}` : ""}; reused ${written.reused} unchanged`,
    `search: ${written.shardsIndexed} of ${count(shards, "shard")} indexed (${count(written.indexedPages, "page")}), ${written.shardsReused} reused${amendments}`,
    `images: ${images.encoded} encoded, ${images.reused} reused${fromFiles > 0 ? `; ${count(fromFiles, "caption/credit/alt field")} read from the photos' own metadata` : ""}`,
  ];
  if (facts.slices) lines.push(facts.slices);
  const skipped = [describeSkipped(newsroom.skippedDrafts, "draft", "drafts"), describeSkipped(newsroom.skippedScheduled, "scheduled", "scheduled")].filter((part) => part !== "");
  if (skipped.length > 0) lines.push(skipped.join("; "));
  return lines.map((line) => `[dateline] ${line}`).join("\n");
}

function describeSkipped(articles: readonly SkippedArticle[], one: string, many: string): string {
  if (articles.length === 0) return "";
  const named = articles.slice(0, SKIPPED_NAMED).map((article) => article.id);
  const more = articles.length > SKIPPED_NAMED ? ` and ${articles.length - SKIPPED_NAMED} more` : "";
  return `${articles.length} ${articles.length === 1 ? one : many} skipped: ${named.join(", ")}${more}`;
}

export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}
