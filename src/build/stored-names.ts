// Names a build reads back from what an earlier run left on disk (the store's record, a slice's
// manifest) and turns into paths: it links, reads and removes files by them. That folder can come
// from elsewhere (a CI cache restored, slices downloaded), so a name is used only when it cannot lead
// out of the folder it names something in.

/** A search shard's id, also its folder's name: "2026", "2026-q1", "2026-03-2", "none", "all", "amended". */
const SHARD_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A fingerprint or document key (`digestText`: base64url), also a stored file's name. */
const FINGERPRINT = /^[A-Za-z0-9_-]+$/;

/** Whether `id` is a search shard's id. */
export function isShardId(id: string): boolean {
  return SHARD_ID.test(id);
}

/** Whether `fingerprint` is one, and so a plain file name. */
export function isFingerprint(fingerprint: string): boolean {
  return FINGERPRINT.test(fingerprint);
}

/** Whether `sitePath` is a site path ("/", "/2026/03/flood/", "/feed.xml") whose file stays inside the output folder. */
export function isSitePath(sitePath: string): boolean {
  return sitePath.startsWith("/") && !sitePath.includes("\\") && !sitePath.includes("\0") && !sitePath.split("/").includes("..");
}
