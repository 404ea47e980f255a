import { el } from "./dom";

/** Saves text the page fetched with the session as a file (a plain link would go without it). */
export function download(text: string, name: string, type = "text/csv"): void {
  const link = el("a", { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(link);
  link.click();
  link.remove();
}
