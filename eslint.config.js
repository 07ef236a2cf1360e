import js from "@eslint/js";
import tseslint from "typescript-eslint";

// Flat config replaces a rule's options per file instead of merging them, so every block that sets
// no-restricted-imports for part of src/ repeats these.
const testImports = { regex: "(^|/)test/", message: "The app does not import the tests; shared helpers belong in src/ or tools/." };
const toolImports = { regex: "(^|/)tools/", message: "Only the demo uses tools/ (the Slack stand-in); the app runs without it." };
const appPatterns = [testImports, toolImports];

export default tseslint.config(
  { ignores: ["node_modules/", "src/generated/", "data/", "coverage/", "tmp/", "dist/", "dist.*"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": ["error", {
        selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
        message: "Take the time from an injected clock.",
      }],
    },
  },
  {
    // The app never reaches into the tests or the Slack stand-in: dist/ is compiled from src/ alone.
    files: ["src/**/*.ts"],
    ignores: ["src/demo/**"],
    rules: { "no-restricted-imports": ["error", { patterns: appPatterns }] },
  },
  {
    // Listeners, views and App Home decide through services; only the outbox's delivery reads the database
    // itself, through src/db. A query written here would skip the repository that owns its table.
    files: ["src/slack/**/*.ts"],
    ignores: ["src/slack/outbox/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "(^|/)db/(?!health\\.ts$)", message: "The Slack edge reads through services (src/services/lookups.ts for plain look-ups)." }, ...appPatterns] }],
      "no-restricted-syntax": ["error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Take the time from an injected clock." },
        { selector: "MemberExpression[property.name='db'][object.name='deps']", message: "The Slack edge reads through services, not deps.db." },
      ],
    },
  },
  {
    files: ["src/demo/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [testImports] }] },
  },
  {
    files: ["src/domain/**/*.ts", "src/services/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@slack/*", "**/generated/**"] }, ...appPatterns] }],
    },
  },
  {
    files: ["scripts/**/*.mjs", "bench/**/*.ts", "test/**/*.ts", "tools/**/*.ts"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
    rules: { "no-restricted-syntax": "off" },
  },
);
