import js from "@eslint/js";
import tseslint from "typescript-eslint";

// Flat config replaces a rule's options per file instead of merging them, so every block that sets
// no-restricted-imports for part of src/ repeats these.
const testImports = { regex: "(^|/)test/", message: "The app does not import the tests; shared helpers belong in src/ or tools/." };
const toolImports = { regex: "(^|/)tools/", message: "Only the demo uses tools/ (the Slack stand-in); the app runs without it." };
const appPatterns = [testImports, toolImports];

// A Prisma model call (`tx.proposal.updateMany(…)`, `deps.db.client.reportVersion.findUnique(…)`): outside src/db
// (and the demo, which seeds its world), every table is reached through its repository.
const modelCall = "[callee.type='MemberExpression'][callee.object.type='MemberExpression']"
  + "[callee.property.name=/^(findMany|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|count|create|createMany|createManyAndReturn|update|updateMany|upsert|delete|deleteMany|aggregate|groupBy)$/]";
// Slack's Web API client has methods of the same names (`client.chat.update`, `client.views.update`).
const notSlackApi = "[callee.object.property.name!=/^(chat|views|conversations|users|team|files|reactions|pins|usergroups|auth|bots|apps)$/]";
const repositoryMessage = "Read and write this table through its repository in src/db, named after what the use case does.";
const dateNow = { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "Take the time from an injected clock." };
const modelCalls = [
  { selector: `CallExpression${modelCall}${notSlackApi}[callee.object.object.name=/^(tx|db|client|prisma)$/]`, message: repositoryMessage },
  { selector: `CallExpression${modelCall}${notSlackApi}[callee.object.object.property.name=/^(db|client)$/]`, message: repositoryMessage },
  { selector: "CallExpression[callee.property.name=/^\\$(queryRaw|queryRawUnsafe|executeRaw|executeRawUnsafe|transaction)$/][callee.object.property.name='client']", message: "SQL belongs in a repository in src/db; a use case's transaction is deps.db.transaction." },
];
// Inside src/db each aggregate's tables are queried in its own folder only (nested reads of related rows through
// `include`/`select` are fine): one place to look for every query of a table.
const aggregateTables = {
  cases: "case|caseEvent|caseMessage|caseReservation|caseFile|proposal|report|reportVersion|caseRating",
  contracts: "contract|customer|ledgerEntry|ledgerTotal|contractEvent|purchaseRequest|digestDelivery",
  channels: "customerChannel|channelTeam|channelApprover|caseOffer",
};
const foreignTables = (...aggregates) => ({
  selector: `CallExpression${modelCall}[callee.object.property.name=/^(${aggregates.map((a) => aggregateTables[a]).join("|")})$/]`,
  message: "This table belongs to another aggregate: query it from its folder in src/db (cases/, contracts/, channels/).",
});
const aggregateBlocks = [
  { files: ["src/db/*.ts"], rules: { "no-restricted-syntax": ["error", dateNow, foreignTables("cases", "contracts", "channels")] } },
  { files: ["src/db/cases/**/*.ts"], rules: { "no-restricted-syntax": ["error", dateNow, foreignTables("contracts", "channels")] } },
  { files: ["src/db/contracts/**/*.ts"], rules: { "no-restricted-syntax": ["error", dateNow, foreignTables("cases", "channels")] } },
  { files: ["src/db/channels/**/*.ts"], rules: { "no-restricted-syntax": ["error", dateNow, foreignTables("cases", "contracts")] } },
];
const generatedImports = { group: ["**/generated/**"], message: "Only src/db knows the generated Prisma clients; everything else sees its types through src/db/client.ts." };

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
      "no-restricted-syntax": ["error", dateNow],
    },
  },
  {
    // The app never reaches into the tests or the Slack stand-in: dist/ is compiled from src/ alone.
    files: ["src/**/*.ts"],
    ignores: ["src/demo/**"],
    rules: { "no-restricted-imports": ["error", { patterns: appPatterns }] },
  },
  {
    // Outside src/db the database is reached through repositories: no model call, no SQL, no generated client.
    files: ["src/**/*.ts"],
    ignores: ["src/db/**", "src/demo/**", "src/generated/**"],
    rules: {
      "no-restricted-syntax": ["error", dateNow, ...modelCalls],
      "no-restricted-imports": ["error", { patterns: [generatedImports, ...appPatterns] }],
    },
  },
  ...aggregateBlocks,
  {
    // Listeners, views and App Home decide through services; only the outbox's delivery reads the database
    // itself, through src/db. A query written here would skip the repository that owns its table.
    files: ["src/slack/**/*.ts"],
    ignores: ["src/slack/outbox/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ regex: "(^|/)db/(?!health\\.ts$)", message: "The Slack edge reads through services (src/services/lookups.ts for plain look-ups)." }, generatedImports, ...appPatterns] }],
      "no-restricted-syntax": ["error", dateNow, ...modelCalls,
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
      "no-restricted-imports": ["error", { patterns: [{ group: ["@slack/*"], message: "Domain and services know nothing of Slack." }, generatedImports, ...appPatterns] }],
    },
  },
  {
    files: ["scripts/**/*.mjs", "bench/**/*.ts", "test/**/*.ts", "tools/**/*.ts"],
    languageOptions: { globals: { process: "readonly", console: "readonly" } },
    rules: { "no-restricted-syntax": "off" },
  },
);
