// One lint configuration for every workspace: typescript-eslint's recommended rules, plus the
// house rules (no console in services: pino carries the correlation id).
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/gen/**", "var/**", "coverage/**", "**/*.js", "**/*.mjs", "**/*.cjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "error",
    },
  },
  {
    // Tests, benchmarks and the command-line tools print on purpose; tests read JSON answers untyped.
    files: ["**/test/**", "e2e/**", "bench/**", "deploy/**"],
    rules: { "no-console": "off", "@typescript-eslint/no-explicit-any": "off" },
  },
);
