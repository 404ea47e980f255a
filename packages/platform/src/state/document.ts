import { StateEntry, stateRegister, streamNameOf, subjectsOf } from "./register";

const ageOf = (ms: number | undefined) => {
  if (!ms) return "kept";
  const hours = ms / 3_600_000;
  return hours >= 24 ? `${hours / 24} d` : hours >= 1 ? `${hours} h` : `${ms / 1000} s`;
};

const retentionOf = (e: StateEntry) =>
  e.kind === "stream"
    ? e.spec.workQueue
      ? "work queue (removed once acknowledged)"
      : "limits (all events kept)"
    : `last ${e.spec.history} value(s) per key, ${ageOf(e.spec.maxAgeMs)}${e.spec.maxAgeSetting ? ` (${e.spec.maxAgeSetting})` : ""}`;

const cell = (text: string) => text.replace(/\|/g, "\\|");

/** docs/state.md: the register as a table, regenerated with `npm run state-doc` (a test fails when it is stale). */
export function stateDocument(register = stateRegister): string {
  const rows = register.map((e) =>
    [
      `\`${streamNameOf(e)}\``,
      e.kind,
      e.owner,
      cell(e.purpose),
      subjectsOf(e)
        .map((s) => `\`${s}\``)
        .join(", "),
      "`NATS_STREAM_REPLICAS`",
      retentionOf(e),
      e.secondSite.carried ? "carried" : `left behind: ${cell(e.secondSite.reason)}`,
    ].join(" | "),
  );
  return [
    "# The city's durable state",
    "",
    "Generated from `packages/platform/src/state/register.ts` by `npm run state-doc`; do not edit by hand.",
    "Every JetStream stream and KV bucket the services create is listed here once (a test fails otherwise).",
    "A bucket is stored as the stream `KV_<bucket>`; the second site follows it as that stream and",
    "promotes it back into a bucket (`npm run site -- follow|status|promote`, deploy/production/README.md).",
    "Replicas: 1 in the embedded run, 3 on the production cluster (`NATS_STREAM_REPLICAS`).",
    "",
    "| Stream | Kind | Owner | What the city keeps in it | Subjects | Replicas | Retention | Second site |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r} |`),
    "",
  ].join("\n");
}
