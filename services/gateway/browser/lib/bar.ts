import { el } from "./dom";

/** One row of a chart: label, a filled track, "value / whole". */
export function bar(label: string, value: number, whole: number): HTMLElement {
  const pct = Math.min(100, Math.round((100 * value) / Math.max(1, whole)));
  const fill = el("span", { class: "fill" });
  fill.style.width = `${pct}%`;
  return el(
    "div",
    { class: "bar", "data-name": label },
    el("span", { class: "label" }, label),
    el("span", { class: "track" }, fill),
    el("span", { class: "value" }, `${value} / ${whole}`),
  );
}
