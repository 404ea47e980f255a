import type { Post } from "../types";

/** A post's source without its shift: `shelter:<id>`, `call-centre`, `counter:<service>:<ward>`, … */
export const postSource = (postId: string) => postId.slice(0, postId.lastIndexOf("@"));

/**
 * The posts of the plan in force that no longer have a reason to be staffed (their shelter closed,
 * the counter went back to normal, the city stood down) and have not started yet: their people
 * go home from the next shift; a shift under way is finished.
 */
export function endedPosts(inForce: readonly Post[], live: ReadonlySet<string>, now: Date): Post[] {
  return inForce.filter((p) => !live.has(postSource(p.id)) && p.start.getTime() > now.getTime());
}
