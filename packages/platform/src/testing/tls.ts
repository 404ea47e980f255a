import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A throwaway certificate authority and a localhost server certificate it signed, made with openssl. */
export interface TestTls {
  dir: string;
  /** Path of the CA certificate: what NODE_EXTRA_CA_CERTS points at. */
  caPath: string;
  ca: string;
  key: string;
  cert: string;
}

export function createTestTls(): TestTls {
  const dir = mkdtempSync(join(tmpdir(), "crisis-tls-"));
  const run = (...args: string[]) => execFileSync("openssl", args, { cwd: dir, stdio: "pipe" });
  /** A new P-256 key (unencrypted) into `keyout`, and a request for it, or with `-x509` a self-signed certificate. */
  const newKey = (keyout: string, ...args: string[]) =>
    run("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", keyout, ...args);
  newKey("ca.key", "-x509", "-out", "ca.pem", "-days", "2", "-subj", "/CN=crisis-hub test CA");
  newKey("server.key", "-out", "server.csr", "-subj", "/CN=localhost");
  writeFileSync(join(dir, "san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
  run(
    "x509",
    "-req",
    "-in",
    "server.csr",
    "-CA",
    "ca.pem",
    "-CAkey",
    "ca.key",
    "-CAcreateserial",
    "-out",
    "server.pem",
    "-days",
    "2",
    "-extfile",
    "san.ext",
  );
  const read = (f: string) => readFileSync(join(dir, f), "utf8");
  return { dir, caPath: join(dir, "ca.pem"), ca: read("ca.pem"), key: read("server.key"), cert: read("server.pem") };
}
