import { Facility } from "./facility";

/** Spelling variants the city's lists use for one place: full-width digits, ヶ/ケ, 丁目 vs "-", spaces. */
export function normalizeName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[ヶヵケ]/g, "ケ")
    .replace(/[\s・]/g, "");
}

export function normalizeAddress(address: string): string {
  return normalizeName(address)
    .replace(/^熊本県/, "")
    .replace(/(丁目|番地|番)/g, "-")
    .replace(/号$/, "")
    .replace(/外$/, "")
    .replace(/-+$/, "");
}

const keysOf = (f: Facility): string[] => [
  ...(f.ids.gsi ? [`gsi:${f.ids.gsi}`] : []),
  ...(f.ids.portal ? [`portal:${f.ids.portal}`] : []),
  ...(f.address ? [`at:${normalizeName(f.name)}@${normalizeAddress(f.address)}`] : []),
];

/** The later list fills what the first one does not know; the first one's id and words stay. */
function enrich(into: Facility, from: Facility): void {
  into.ids = { ...from.ids, ...into.ids };
  into.designatedShelter ||= from.designatedShelter;
  into.canShelter ||= from.canShelter;
  into.capacity ??= from.capacity;
  into.nameEn ??= from.nameEn;
  into.hours ??= from.hours;
  if (!into.address) into.address = from.address;
  if (!into.latitude && !into.longitude) [into.latitude, into.longitude] = [from.latitude, from.longitude];
}

/**
 * Merges lists of the same city into one facility per building: a row joins an earlier facility
 * that shares its GSI id, its portal id, or its name and address (after normalizing spelling).
 */
export function mergeByIds(...lists: Facility[][]): Facility[] {
  const merged: Facility[] = [];
  const byKey = new Map<string, Facility>();
  for (const list of lists) {
    for (const row of list) {
      const keys = keysOf(row);
      const known = keys.map((k) => byKey.get(k)).find((f) => f !== undefined);
      const target = known ?? { ...row, ids: { ...row.ids } };
      if (known) enrich(known, row);
      else merged.push(target);
      for (const k of keysOf(target)) byKey.set(k, target);
    }
  }
  return merged;
}

/** Imported 公共施設一覧 rows join the facility of the same name (one building, e.g. a library); others are added. */
export function mergeByName(registry: Facility[], imported: Facility[]): Facility[] {
  const result = registry.map((f) => ({ ...f, ids: { ...f.ids } }));
  const byName = new Map(result.map((f) => [normalizeName(f.name), f]));
  for (const row of imported) {
    const known = byName.get(normalizeName(row.name));
    if (known) enrich(known, row);
    else {
      const added = { ...row, ids: { ...row.ids } };
      result.push(added);
      byName.set(normalizeName(row.name), added);
    }
  }
  return result;
}
