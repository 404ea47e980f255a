/** One root jest run covers every workspace; each workspace is a jest project. */
const swc = ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript" } }, module: { type: "commonjs" } }];
const project = (dir) => ({
  displayName: dir.split("/").pop(),
  rootDir: `<rootDir>/${dir}`,
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  transform: { "^.+\\.ts$": swc },
  testEnvironment: "node",
});
module.exports = {
  rootDir: __dirname,
  projects: [
    ...["packages/platform", "services/gateway", "services/facilities", "services/staffing", "services/notify"].map(project),
    { ...project("e2e"), testMatch: ["<rootDir>/**/*.test.ts"] },
    { ...project("test"), displayName: "house", testMatch: ["<rootDir>/*.test.ts"] },
  ],
  testTimeout: 60_000,
  verbose: false,
};
