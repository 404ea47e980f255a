/** A sentence of the page's words with its values: "{n} 分" with { n: 5 } → "5 分". */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ""));
