// ESLint for Dateline, run by `npm run check` after tsc (docs/linting.md says why each rule is on or
// off): typescript-eslint's type-aware recommended rules on the TypeScript, plus exhaustive switches;
// the browser scripts in public/js as plain browser JavaScript.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  // What git ignores (.gitignore): builds, the live preview's folder and caches are never linted, so a
  // preview or a build run in the checkout leaves `npm run check` as it was.
  { ignores: ["node_modules/", "_site/", ".cache/", "tests/.tmp/", "tests/artifacts/", ".preview/", "_site.building-*/", "_site.previous-*/", "_slices/"] },
  js.configs.recommended,
  {
    rules: {
      // XML 1.0's forbidden characters and "is this plain ASCII" are matched on purpose.
      "no-control-regex": "off",
      // Node 22's optimised URL.canParse answers false for valid non-ASCII addresses after a few
      // thousand calls: a long build or a test worker then refuses good settings.
      "no-restricted-properties": ["error", { object: "URL", property: "canParse", message: "Use parseUrl from src/content/web-address.ts (Node 22's optimised URL.canParse is wrong for non-ASCII)." }],
    },
  },
  {
    files: ["**/*.ts", "**/*.tsx"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/switch-exhaustiveness-check": ["error", { considerDefaultExhaustiveForUnions: true }],
      // `return promise` inside try/catch skips the catch and the finally's timing: await it there.
      "@typescript-eslint/return-await": ["error", "in-try-catch"],
      // A leading underscore marks a parameter kept for its position; `{ drop: _, ...rest }` omits a key.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
    },
  },
  {
    // Tests read parsed JSON, XML and HTML, typed `any`, and assert on its shape: the assertion is the check.
    files: ["tests/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      // cheerio's nodes type `type` as domhandler's ElementType enum, whose values are these strings.
      "@typescript-eslint/no-unsafe-enum-comparison": "off",
    },
  },
  {
    files: ["public/js/**/*.js"],
    languageOptions: { globals: globals.browser, sourceType: "module" },
  },
  {
    files: ["eslint.config.js", "scripts/**/*.js"],
    languageOptions: { globals: globals.node },
  },
);
