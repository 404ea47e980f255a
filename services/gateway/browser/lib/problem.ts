/** What an API refusal (problem+json) says, in its own words: its detail, else its code, else the HTTP status. */
export async function problemText(res: Response): Promise<string> {
  try {
    const problem = (await res.json()) as { detail?: string; code?: string };
    return problem.detail || problem.code || String(res.status);
  } catch {
    return String(res.status);
  }
}
