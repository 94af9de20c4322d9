// Where the tests' shared folders are. No import of vitest's test API, so that the global setup
// (tests/setup/) can use it too.
import path from "node:path";

export const REPO = path.resolve(import.meta.dirname, "../..");
export const FIXTURES = path.join(REPO, "tests/fixtures");
/**
 * One image cache for every fixture build of a run (and the next run): encoded files are named by
 * their source's content, so a photo shared by fifty fixtures is encoded once, not fifty times.
 */
export const SHARED_IMAGE_CACHE = path.join(REPO, "tests/.tmp/image-cache");
