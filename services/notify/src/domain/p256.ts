/** NIST P-256 curve constants (FIPS 186-4, D.1.2.3). */
const p = 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn;
const b = 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn;

const bigint = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString("hex")}`);

/**
 * True when the bytes are an uncompressed point on P-256: 0x04, then x and y with
 * y² = x³ − 3x + b (mod p). Checked here so a bad key is refused at subscribe time,
 * not discovered as a failed encryption during an emergency.
 */
export function isUncompressedP256Point(bytes: Uint8Array): boolean {
  if (bytes.length !== 65 || bytes[0] !== 0x04) return false;
  const x = bigint(bytes.subarray(1, 33));
  const y = bigint(bytes.subarray(33, 65));
  if (x >= p || y >= p) return false;
  const mod = (n: bigint) => ((n % p) + p) % p;
  return mod(y * y) === mod(x * x * x - 3n * x + b);
}
