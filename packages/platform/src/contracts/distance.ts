const earthRadiusM = 6_371_008.8;
const rad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Great-circle distance in metres (haversine, on the sphere MongoDB's $geoNear also measures on):
 * good to well under a metre at city scale. The one distance rule of every service.
 */
export function distanceM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a = Math.sin(rad(lat2 - lat1) / 2) ** 2 + Math.cos(rad(lat1)) * Math.cos(rad(lat2)) * Math.sin(rad(lon2 - lon1) / 2) ** 2;
  // Rounding can push `a` a hair over 1 for points at opposite ends of the earth.
  return 2 * earthRadiusM * Math.asin(Math.min(1, Math.sqrt(a)));
}
