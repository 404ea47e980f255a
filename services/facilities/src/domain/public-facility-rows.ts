import { Category, Ward, isWard, wards } from "@crisis/platform/contracts";
import { Facility } from "./facility";
import { RegistryRowError, Row } from "./registry-rows";

/**
 * The header variants of the city's 公共施設一覧 (see data/kumamoto/public_facility_schema_notes.md):
 * A — the city's own file (自治体標準オープンデータセット), B — the older 推奨データセット, C — the newer
 * standard's spellings. Each field lists the column names that carry it, first found wins.
 */
const columns = {
  id: ["ID", "NO"],
  name: ["名称"],
  nameEn: ["名称_英字", "名称_英語"],
  city: ["所在地_市区町村", "市区町村名"],
  address: ["所在地_連結表記", "所在地_連結標記", "住所"],
  building: ["建物名等", "方書"],
  latitude: ["緯度"],
  longitude: ["経度"],
  kind: ["種別"],
  days: ["利用可能曜日"],
  opens: ["開始時間"],
  closes: ["終了時間"],
  hoursNote: ["利用可能日時特記事項", "利用可能日時特記"],
} as const;

type Field = keyof typeof columns;

const pick = (row: Row, field: Field): string => {
  for (const name of columns[field]) {
    const value = row[name]?.trim();
    if (value) return value;
  }
  return "";
};

/** Refuses a header that is none of the variants (a file of another kind, or mis-decoded). */
export function checkPublicFacilityHeader(header: string[], file: string): void {
  if (!header.includes("名称"))
    throw new RegistryRowError(file, 1, `the header has no 名称 column (found: ${header.slice(0, 6).join(", ")}…)`);
}

/** The city's 種別 words (or, without one, the facility's name) → the shared category. */
const categoryRules: [RegExp, Category][] = [
  [/区役所/, "ward_office"],
  [/出張所|まちづくりセンター/, "branch_office"],
  [/市役所|本庁舎/, "city_hall"],
  [/図書館|図書室/, "library"],
  [/博物館|美術館|資料館/, "museum"],
  [/体育館|運動|スポーツ|プール|競技場|武道/, "sports"],
  [/大学/, "university"],
  [/学校/, "school"],
  [/公民館|コミュニティ/, "community_center"],
  [/ホール|会館|文化|劇場/, "culture"],
  [/公園|広場/, "park"],
  [/福祉|老人|保育/, "welfare"],
];

export function categoryFromWords(kind: string, name: string): Category {
  for (const words of [kind, name]) {
    const hit = categoryRules.find(([pattern]) => pattern.test(words));
    if (hit) return hit[1];
  }
  return "other";
}

function wardOf(city: string, address: string, file: string, line: number): Ward {
  const found = [city, address].map((s) => s.match(/(中央|東|西|南|北)区/)?.[0]).find((w) => w !== undefined);
  if (!found || !isWard(found))
    throw new RegistryRowError(file, line, `所在地_市区町村: cannot tell which of ${wards.join(", ")} "${city || address}" is in`);
  return found;
}

/** Japan, generously: a coordinate outside it is a mistake in the file (often swapped lat/lon). */
export const insideJapan = (lat: number, lon: number) => lat >= 20 && lat <= 46 && lon >= 122 && lon <= 154;

function coordinates(row: Row, file: string, line: number): [number, number] {
  const [lat, lon] = [pick(row, "latitude"), pick(row, "longitude")];
  if (!lat && !lon) return [0, 0];
  const [y, x] = [Number(lat), Number(lon)];
  if (Number.isNaN(y) || Number.isNaN(x) || !insideJapan(y, x))
    throw new RegistryRowError(file, line, `緯度/経度: "${lat}", "${lon}" is not a place in Japan`);
  return [y, x];
}

function hours(row: Row): string | undefined {
  const [days, opens, closes, note] = [pick(row, "days"), pick(row, "opens"), pick(row, "closes"), pick(row, "hoursNote")];
  const time = opens || closes ? `${opens}-${closes}` : "";
  const text = [days, time, note ? `(${note})` : ""].filter(Boolean).join(" ");
  return text || undefined;
}

/** One row of a 公共施設一覧 CSV as a facility of the registry. */
export function publicFacilityFromRow(row: Row, line: number, file: string): Facility {
  const id = pick(row, "id");
  const name = pick(row, "name");
  if (!id) throw new RegistryRowError(file, line, "ID: empty");
  if (!name) throw new RegistryRowError(file, line, "名称: empty");
  const address = [pick(row, "address"), pick(row, "building")].filter(Boolean).join(" ");
  const [latitude, longitude] = coordinates(row, file, line);
  return {
    id: `city:${id}`,
    name,
    nameEn: pick(row, "nameEn") || undefined,
    category: categoryFromWords(pick(row, "kind"), name),
    ward: wardOf(pick(row, "city"), address, file, line),
    address,
    latitude,
    longitude,
    hours: hours(row),
    designatedShelter: false,
    canShelter: false,
    ids: { city: id },
  };
}
