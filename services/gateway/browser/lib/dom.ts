/** An element with its attributes and children: the one way the scripts build what they show. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** An element the server always draws on this page: missing, it is a mistake in the page, said at once. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

/** The page's data block (words, settings) the server wrote for its scripts. */
export const pageData = <T>(): T => JSON.parse(byId("page-data").textContent ?? "{}") as T;

/** After the first paint, when the browser has nothing better to do. */
export function whenIdle(work: () => void): void {
  const idle = () => ("requestIdleCallback" in window ? requestIdleCallback(() => work(), { timeout: 3000 }) : setTimeout(work, 200));
  if (document.readyState === "complete") idle();
  else window.addEventListener("load", idle, { once: true });
}

/** An event handler or timer that does async work: nobody awaits it, so it says so (its errors are its own to handle). */
export const inBackground =
  <A extends unknown[]>(work: (...args: A) => Promise<unknown>) =>
  (...args: A): void =>
    void work(...args);
