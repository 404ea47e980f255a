/** One root jest run covers every workspace; each workspace is a jest project. */
const swc = ["@swc/jest", { jsc: { target: "es2022", parser: { syntax: "typescript" } }, module: { type: "commonjs" } }];
/** ESM-only packages jest cannot require on Node 20: compiled to CommonJS like our own code. */
const esmOnly = ["openid-client", "oauth4webapi", "jose/dist/webapi", "@fastify/cookie", "cookie"];
const project = (dir) => ({
  displayName: dir.split("/").pop(),
  rootDir: `<rootDir>/${dir}`,
  testMatch: ["<rootDir>/test/**/*.test.ts"],
  transform: { "^.+\\.ts$": swc, [`/node_modules/(${esmOnly.join("|")})/.+\\.js$`]: swc },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnly.join("|")})/)`],
  testEnvironment: "node",
});
module.exports = {
  rootDir: __dirname,
  projects: [
    ...["packages/platform", "services/gateway", "services/facilities", "services/staffing", "services/notify"].map(project),
    { ...project("e2e"), testMatch: ["<rootDir>/**/*.test.ts"], setupFilesAfterEnv: ["<rootDir>/setup-timeouts.ts"] },
    { ...project("test"), displayName: "house", testMatch: ["<rootDir>/*.test.ts"] },
  ],
  testTimeout: 60_000,
  // A system whose start outlived its hook keeps child processes and sockets open after the run;
  // jest then waits for them forever and CI ends at its time limit with nothing reported. Exit
  // once the results are in (jest still names the leak in its warning).
  forceExit: true,
  verbose: false,
};
