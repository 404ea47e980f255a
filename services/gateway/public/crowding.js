// The crowding section of the status page: levels by ward and by shelter from GET /api/v1/shelters.
(() => {
  const section = document.getElementById("crowding");
  if (!section) return;
  const words = JSON.parse(section.dataset.words);
  const item = (text, level) => {
    const li = document.createElement("li");
    if (level) li.dataset.level = level;
    li.textContent = text;
    return li;
  };
  const levelsOf = (w) =>
    ["open", "busy", "crowded", "full", "unknown"]
      .filter((l) => w.levels[l] > 0)
      .map((l) => `${words.levels[l]} ${w.levels[l]}`)
      .join(" / ");
  async function render() {
    const res = await fetch("/api/v1/shelters").catch(() => undefined);
    if (!res || !res.ok) return;
    const { shelters, wards } = await res.json();
    const open = wards.filter((w) => w.openShelters > 0);
    section.querySelector("#crowding-wards").replaceChildren(...open.map((w) => item(`${words.wards[w.ward] ?? w.ward}: ${levelsOf(w)}`)));
    const reported = shelters.filter((s) => s.open && s.latest);
    section.querySelector("#crowding-list").replaceChildren(
      ...reported.map((s) => {
        const li = item("", s.latest.stale ? "unknown" : s.level);
        const link = document.createElement("a");
        link.href = s.link;
        link.textContent = s.name;
        const level = document.createElement("span");
        level.className = "crowding-level";
        level.textContent = s.latest.stale ? words.stale : words.levels[s.level];
        const counts = s.capacity === null ? `${s.latest.headcount}` : `${s.latest.headcount}/${s.capacity}`;
        li.append(link, " ", level, ` (${counts})`);
        return li;
      }),
    );
    section.hidden = open.length === 0;
  }
  void render();
  setInterval(render, 60_000);
})();
