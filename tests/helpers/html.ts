// html-validate with the project's documented config (.htmlvalidate.json), for whole-site checks.
import fs from "node:fs/promises";
import path from "node:path";
import { HtmlValidate, type ConfigData } from "html-validate";
import { REPO } from "./site.ts";

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
