// Encryption at rest for sensitive details (payout methods now; KYC records later): AES-256-GCM with a
// key kept outside the database (config `[security] secret_key`, else `<data_dir>/secret.key`), so a
// leaked database or backup of it alone reveals nothing.
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { chmodSync, existsSync, readFileSync, writeFileSync } from "node:fs";

export interface Sealer {
  /** Encrypts text; the result is base64 of iv (12) | tag (16) | ciphertext. */
  seal(plain: string): string;
  /** Decrypts what seal() produced; throws when the key is wrong or the data was altered. */
  open(sealed: string): string;
}

export function createSealer(key: Buffer): Sealer {
  if (key.length !== 32) throw new Error("the secret key must be 32 bytes");
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64");
    },
    open(sealed) {
      const buf = Buffer.from(sealed, "base64");
      const decipher = createDecipheriv("aes-256-gcm", key, buf.subarray(0, 12));
      decipher.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([decipher.update(buf.subarray(28)), decipher.final()]).toString("utf8");
    },
  };
}

/** The configured key (64 hex characters), else the key file, created (mode 0600) on first use. */
export function loadSecretKey(configured: string, keyFile: string): Buffer {
  if (configured) return Buffer.from(configured, "hex");
  if (!existsSync(keyFile)) {
    writeFileSync(keyFile, randomBytes(32).toString("hex") + "\n", { mode: 0o600, flag: "wx" });
    chmodSync(keyFile, 0o600);
  }
  return Buffer.from(readFileSync(keyFile, "utf8").trim(), "hex");
}
