// The browser tests never skip: tests/setup/chromium.ts finds Chromium or says, in one line, how to
// get it. (Installing with apt-get is not exercised here: it would change the machine.)
import { describe, expect, it } from "vitest";
import { findChromium } from "./setup/chromium.ts";

describe("finding Chromium for the browser tests", () => {
  it("uses CHROME_PATH when it runs, and says so in one line when it does not", () => {
    const found = findChromium({ canInstall: false });
    expect("path" in found, JSON.stringify(found)).toBe(true);
    const path = "path" in found ? found.path : "";
    expect(findChromium({ chromePath: path, candidates: [], canInstall: false })).toEqual({ path });
    expect(findChromium({ chromePath: "/nowhere/chrome", canInstall: false })).toEqual({
      error: "[browser] CHROME_PATH=/nowhere/chrome does not run: install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chrome or Chromium binary, then run npm test again",
    });
  });

  it("without a browser or a way to install one, fails with one line saying how to install it", () => {
    const found = findChromium({ chromePath: "", candidates: ["/nowhere/chromium"], canInstall: false });
    expect(found).toEqual({
      error: "[browser] no Chromium found (CHROME_PATH, /usr/bin/chromium, Chrome): install Chromium (Debian/Ubuntu: sudo apt-get install chromium) or set CHROME_PATH to a Chrome or Chromium binary, then run npm test again",
    });
  });
});
