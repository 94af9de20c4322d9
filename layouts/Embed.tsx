import type { Embed as EmbedData } from "../src/content/types.ts";
import { formatMoment, machineMoment } from "../src/dates.ts";
import type { Site } from "../src/site/site.ts";
import { Picture } from "./Picture.tsx";
import { localeOf } from "../src/i18n/index.ts";

const NETWORKS = { x: "X", bluesky: "Bluesky", mastodon: "Mastodon" } as const;
const PLAYERS = { youtube: "YouTube", vimeo: "Vimeo" } as const;
const SIZES = "(min-width: 48rem) 44rem, calc(100vw - 2rem)";

type Video = Extract<EmbedData, { playerUrl: string }>;
type Post = Extract<EmbedData, { author: string }>;
type Audio = Extract<EmbedData, { type: "audio" }>;

/**
 * A video as a click-to-load facade: a plain link to the video's page (with a poster made at build
 * time, or as a text card). Nothing comes from the video host until the reader clicks; then
 * public/js/story-formats.js (loaded by ArticlePage) swaps in the privacy-enhanced player (youtube-nocookie.com, Vimeo dnt).
 */
export function EmbedVideo({ video, site }: { video: Video; site: Site }) {
  const locale = localeOf(site.language);
  const provider = PLAYERS[video.type];
  return (
    <figure class={`embed embed--video${video.poster ? "" : " embed--card"}`}>
      <a class="embed-video" href={video.url} rel="noopener noreferrer" data-player={video.playerUrl} data-title={video.title || locale.t("embed.video")}>
        {video.poster && <Picture image={video.poster} alt="" sizes={SIZES} class="embed-video__poster" />}
        <span class="embed-video__label">
          <span class="embed-video__play" aria-hidden="true">▶</span> {locale.t("embed.play", { title: video.title })} <span class="embed-video__host">({provider})</span>
        </span>
      </a>
      <figcaption class="embed__note">{locale.t("embed.playerNote", { title: video.title, provider })}</figcaption>
    </figure>
  );
}

/** A post from X, Bluesky or Mastodon, quoted as text the editor copied: no script, nothing loaded from the network. */
export function EmbedPost({ post, site }: { post: Post; site: Site }) {
  const paragraphs = post.text.split(/\n\s*\n/).map((paragraph) => paragraph.trim()).filter(Boolean);
  const date = (
    <a href={post.url} rel="noopener noreferrer">
      <time datetime={machineMoment(post.date)}>{formatMoment(post.date, site.language, site.timeZone)}</time>
    </a>
  );
  return (
    <figure class={`embed embed--post embed--${post.type}`}>
      <blockquote class="embed-post" cite={post.url}>
        {paragraphs.map((paragraph) => (
          <p>{paragraph}</p>
        ))}
      </blockquote>
      <figcaption class="embed-post__source">{localeOf(site.language).parts("embed.post", { author: post.author, network: NETWORKS[post.type], date })}</figcaption>
    </figure>
  );
}

/** A recording published with the site, played only when the reader asks (`preload="none"`). */
export function EmbedAudio({ audio, site }: { audio: Audio; site: Site }) {
  const locale = localeOf(site.language);
  return (
    <figure class="embed embed--audio">
      <figcaption class="embed__title">{audio.title}</figcaption>
      <audio controls preload="none" src={audio.src}>
        <a href={audio.src}>{locale.t("embed.listen", { title: audio.title })}</a>
      </audio>
      <p class="embed__note">
        <a href={audio.src} download="">
          {locale.t("embed.download")}
        </a>
      </p>
    </figure>
  );
}

/** One ```embed block. */
export function Embed({ embed, site }: { embed: EmbedData; site: Site }) {
  if (embed.type === "audio") return <EmbedAudio audio={embed} site={site} />;
  if ("playerUrl" in embed) return <EmbedVideo video={embed} site={site} />;
  return <EmbedPost post={embed} site={site} />;
}
