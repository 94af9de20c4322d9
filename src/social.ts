// Profile links from the handles editors write in front matter and settings.

/** "ana@newsroom.social" → "https://newsroom.social/@ana" */
export function mastodonUrl(handle: string): string {
  const [user, host] = handle.replace(/^@/, "").split("@");
  return `https://${host}/@${user}`;
}

/** "ledger_news" → "https://x.com/ledger_news" */
export function xUrl(handle: string): string {
  return `https://x.com/${handle.replace(/^@/, "")}`;
}
