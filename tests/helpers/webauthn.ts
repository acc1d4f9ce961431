// A software passkey for integration tests: a P-256 key pair that answers WebAuthn registration and
// sign-in options the way a browser and an authenticator would (clientDataJSON, authenticator data, a
// "none" attestation, ES256 signatures, a signature counter). The browser tests use Chromium's virtual
// authenticator instead; this lets the API tests reach every passkey path, including bad answers.
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";

const b64url = (b: Uint8Array | Buffer) => Buffer.from(b).toString("base64url");
const sha256 = (b: Uint8Array | string) => createHash("sha256").update(b).digest();

/** Just enough CBOR (RFC 8949) for an attestation object and a COSE key. */
function cbor(v: unknown): Buffer<ArrayBufferLike> {
  const head = (major: number, n: number): Buffer<ArrayBufferLike> => {
    if (n < 24) return Buffer.from([(major << 5) | n]);
    if (n < 256) return Buffer.from([(major << 5) | 24, n]);
    if (n < 65536) return Buffer.from([(major << 5) | 25, n >> 8, n & 255]);
    const b = Buffer.alloc(5);
    b[0] = (major << 5) | 26;
    b.writeUInt32BE(n, 1);
    return b;
  };
  if (typeof v === "number") return v >= 0 ? head(0, v) : head(1, -1 - v);
  if (typeof v === "string") return Buffer.concat([head(3, Buffer.byteLength(v)), Buffer.from(v)]);
  if (v instanceof Uint8Array) return Buffer.concat([head(2, v.length), Buffer.from(v)]);
  if (v instanceof Map) {
    const parts: Buffer<ArrayBufferLike>[] = [head(5, v.size)];
    for (const [k, val] of v) parts.push(cbor(k), cbor(val));
    return Buffer.concat(parts);
  }
  throw new Error(`cbor: cannot encode ${typeof v}`);
}

export interface SoftPasskey {
  credentialId: string;
  /** Answers `navigator.credentials.create()` options (the JSON the server sent). */
  register(options: any, origin: string): Record<string, unknown>;
  /** Answers `navigator.credentials.get()` options; `counter` overrides the next signature count. */
  authenticate(
    options: any,
    origin: string,
    opts?: { counter?: number; userVerified?: boolean },
  ): Record<string, unknown>;
}

export function softPasskey(): SoftPasskey {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const credId = randomBytes(16);
  let counter = 0;
  let userHandle = "";
  let rpId = "";
  const jwk = publicKey.export({ format: "jwk" }) as { x: string; y: string };
  const coseKey = cbor(
    new Map<number, unknown>([
      [1, 2], // kty: EC2
      [3, -7], // alg: ES256
      [-1, 1], // crv: P-256
      [-2, Buffer.from(jwk.x, "base64url")],
      [-3, Buffer.from(jwk.y, "base64url")],
    ]),
  );
  const authData = (flags: number, count: number, attested?: Buffer) => {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(count);
    return Buffer.concat([sha256(rpId), Buffer.from([flags]), c, ...(attested ? [attested] : [])]);
  };
  const signWith = (key: KeyObject, data: Buffer) => sign("sha256", data, key);

  return {
    credentialId: b64url(credId),
    register(options, origin) {
      rpId = options.rp.id;
      userHandle = options.user.id;
      const clientData = Buffer.from(
        JSON.stringify({ type: "webauthn.create", challenge: options.challenge, origin, crossOrigin: false }),
      );
      const len = Buffer.alloc(2);
      len.writeUInt16BE(credId.length);
      const attested = Buffer.concat([Buffer.alloc(16), len, credId, coseKey]);
      const data = authData(0x01 | 0x04 | 0x40, counter, attested);
      const attestation = cbor(
        new Map<string, unknown>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", data],
        ]),
      );
      return {
        id: b64url(credId),
        rawId: b64url(credId),
        type: "public-key",
        response: {
          clientDataJSON: b64url(clientData),
          attestationObject: b64url(attestation),
          transports: ["internal"],
        },
        clientExtensionResults: {},
        authenticatorAttachment: "platform",
      };
    },
    authenticate(options, origin, opts = {}) {
      counter = opts.counter ?? counter + 1;
      const clientData = Buffer.from(
        JSON.stringify({ type: "webauthn.get", challenge: options.challenge, origin, crossOrigin: false }),
      );
      const data = authData(0x01 | (opts.userVerified === false ? 0 : 0x04), counter);
      const signature = signWith(privateKey, Buffer.concat([data, sha256(clientData)]));
      return {
        id: b64url(credId),
        rawId: b64url(credId),
        type: "public-key",
        response: {
          clientDataJSON: b64url(clientData),
          authenticatorData: b64url(data),
          signature: b64url(signature),
          userHandle,
        },
        clientExtensionResults: {},
        authenticatorAttachment: "platform",
      };
    },
  };
}
