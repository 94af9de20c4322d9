// html-validate with the project's documented config (.htmlvalidate.json), for whole-site checks;
// the URLs an HTML fragment links to, read by a parser (cheerio) rather than a regex.
import fs from "node:fs/promises";
import path from "node:path";
import { load } from "cheerio";
import { HtmlValidate, type ConfigData } from "html-validate";
import { REPO } from "./site.ts";

/** Every URL in an HTML fragment's href, src and srcset attributes (each srcset candidate), in document order. */
export function htmlUrls(html: string): string[] {
  const $ = load(html, null, false);
  return $("[href], [src], [srcset]")
    .toArray()
    .flatMap((element) => {
      const { href, src, srcset } = element.attribs;
      const candidates = srcset?.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "") ?? [];
      return [href, src, ...candidates].filter((url) => url !== undefined);
    });
}

let validator: HtmlValidate | undefined;

/** Validation messages for one HTML file, formatted "line:column rule: message"; empty when valid. */
export async function validateHtmlFile(file: string): Promise<string[]> {
  if (!validator) {
    const config = JSON.parse(await fs.readFile(path.join(REPO, ".htmlvalidate.json"), "utf8")) as ConfigData;
    validator = new HtmlValidate({ ...config, root: true });
  }
  const report = await validator.validateString(await fs.readFile(file, "utf8"), file);
  return report.results.flatMap((result) => result.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}: ${message.message}`));
}
