import js from "@eslint/js";
import tseslint from "typescript-eslint";

// Flat config replaces a rule's options per file instead of merging them, so every block that sets
// no-restricted-imports for part of src/ repeats these.
const testImports = { regex: "(^|/)test/", message: "The app does not import the tests; shared helpers belong in src/ or tools/." };
const toolImports = { regex: "(^|/)tools/", message: "Only the demo uses tools/ (the Slack stand-in); the app runs without it." };
const appPatterns = [testImports, toolImports];

// A Prisma model call (`tx.proposal.updateMany(…)`, `deps.db.client.reportVersion.findUnique(…)`), for the blocks
// whose files reach their tables through repositories only; the tables not yet behind one are let through.
const modelCall = "[callee.type='MemberExpression'][callee.object.type='MemberExpression']"
  + "[callee.property.name=/^(findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|count|create|createMany|update|updateMany|upsert|delete|deleteMany|aggregate|groupBy)$/]";
const repositoryTables = "[callee.object.property.name!=/^(case|caseEvent|contract|customerChannel)$/]";
const repositoryMessage = "Read and write this table through its repository in src/db, named after what the use case does.";

export default tseslint.config(
  { ignores: ["node_modules/", "src/generated/", "data/", "coverage/", "tmp/", "dist/", "dist.*"] },
  js.configs.recommended,
  // Type-aware: the rules that need the type checker (floating promises, awaiting what is not a promise, `any`
  // leaking out of a call, assertions the types already make) run on every TypeScript file.
  ...tseslint.configs.recommendedTypeChecked,
  { languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } } },
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
  {
    // Tests read what Slack and the app return as JSON, and hand vitest methods to spy on: there, a value of type
    // `any` and a method taken off its object are the point, not a slip.
    files: ["test/**/*.ts", "bench/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off", "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-return": "off", "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off", "@typescript-eslint/unbound-method": "off",
      "@typescript-eslint/require-await": "off",
    },
  },
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
    // These use cases read and write proposals, formal reports, ratings and purchase requests only through their
    // repositories (src/db/proposals.ts, reports.ts, ratings.ts, renewals.ts), and query no other table directly,
    // except the case row, its events, contracts and channels, which keep their queries here until the
    // repositories of those tables take them.
    files: [
      "src/services/make-proposal.ts", "src/services/decide-proposal.ts", "src/services/proposal-view.ts",
      "src/services/split-case.ts", "src/services/raise-level-a.ts", "src/services/lower-level.ts",
      "src/services/propose-level-a.ts", "src/services/propose-split.ts",
      "src/services/save-report-version.ts", "src/services/review-report.ts", "src/services/deliver-report.ts",
      "src/services/report-review-view.ts", "src/services/prepare-report-draft.ts", "src/services/report-document.ts",
      "src/services/rate-case.ts",
      "src/services/create-purchase-request.ts", "src/services/settle-purchase-request.ts",
      "src/services/list-purchase-requests.ts", "src/services/answer-renewal.ts",
    ],
    rules: {
      "no-restricted-syntax": ["error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Take the time from an injected clock." },
        { selector: `CallExpression${modelCall}[callee.object.object.name=/^(tx|db|client)$/]${repositoryTables}`, message: repositoryMessage },
        { selector: `CallExpression${modelCall}[callee.object.object.property.name=/^(db|client)$/]${repositoryTables}`, message: repositoryMessage },
      ],
    },
  },
  {
    files: ["scripts/**/*.mjs", "bench/**/*.ts", "test/**/*.ts", "tools/**/*.ts"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
    rules: { "no-restricted-syntax": "off" },
  },
);
