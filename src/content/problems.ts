// Turns schema failures into editor-facing problems: the field as written in YAML, its line, and
// for a misspelt field the closest known one.
import type { z } from "zod";
import { suggestClosest } from "./closest.ts";
import type { ContentProblem } from "./errors.ts";

/** "corrections[1].date" */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? String(part) : `.${String(part)}`))
    .join("");
}

export function problemsFromSchema(
  error: z.ZodError,
  file: string,
  lineOf: (path: readonly PropertyKey[]) => number,
  knownFields: readonly string[],
  /** Field name for a problem with the whole file. */
  whole = "front matter",
): ContentProblem[] {
  return error.issues.flatMap((issue): ContentProblem[] => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => {
        const path = [...issue.path, key];
        const known = issue.path.length === 0 ? knownFields : [];
        const suggestion = suggestClosest(key, known);
        const hint = suggestion ? `; did you mean "${suggestion}"?` : "";
        const list = known.length > 0 ? ` (known fields: ${known.join(", ")})` : " (remove it)";
        return { file, line: lineOf(path), field: fieldName(path), message: `is not a known field${hint}${list}` };
      });
    }
    const linePath = issue.code === "custom" && Array.isArray(issue.params?.["linePath"]) ? (issue.params["linePath"] as PropertyKey[]) : issue.path;
    return [{ file, line: lineOf(linePath), field: fieldName(issue.path) || whole, message: issue.message }];
  });
}
