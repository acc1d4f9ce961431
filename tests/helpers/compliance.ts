// Compliance forms as a browser sends them (multipart: text fields and document files), and the
// fixtures they need: a real JPEG photo, a real PDF, a date of birth of a given age.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import type { Actor, Res, TestApp } from "./api.ts";

export type FormFile = { bytes: Buffer | Uint8Array; name: string; type?: string };

/** POSTs a multipart form of text fields and files to `path`, as `who`. */
export async function sendForm(
  app: TestApp,
  who: Actor | null,
  path: string,
  fields: Record<string, string>,
  files: Record<string, FormFile>,
): Promise<Res> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const [k, f] of Object.entries(files))
    form.append(
      k,
      new Blob([new Uint8Array(f.bytes)], { type: f.type ?? "application/octet-stream" }),
      f.name,
    );
  const res = await fetch(app.base + path, {
    method: "POST",
    body: form,
    headers: who ? { authorization: `Bearer ${who.token}` } : {},
  });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.status, body, headers: res.headers };
}

/** A photo with some detail (so its bytes are not trivially repetitive). */
export const photo = (w = 640, h = 400, seed = 1) =>
  sharp({
    create: { width: w, height: h, channels: 3, background: { r: (seed * 53) % 255, g: 120, b: 200 } },
  })
    .composite([
      {
        input: Buffer.from(
          `<svg width="${w}" height="${h}"><text x="20" y="${h / 2}" font-size="48">ID ${seed}</text></svg>`,
        ),
      },
    ])
    .jpeg({ quality: 90 })
    .toBuffer();

/** A small, valid PDF (a signed release stand-in). */
export const pdf = (text = "Model release signed by the performer") =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n` +
      `3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]/Contents 4 0 R>>endobj\n` +
      `4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 20 100 Td (${text}) Tj ET\nendstream endobj\n` +
      `trailer<</Root 1 0 R>>\n%%EOF\n`,
  );

/** A date of birth (YYYY-MM-DD) of someone `years` old today, give or take `days`. */
export function birthDate(years: number, days = 0, now = Date.now()): string {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A KYC submission with good defaults; `over` replaces fields or files. */
export async function submitKyc(
  app: TestApp,
  who: Actor,
  over: { fields?: Record<string, string>; files?: Record<string, FormFile | null> } = {},
) {
  const files: Record<string, FormFile> = {};
  const all: Record<string, FormFile | null> = {
    idDocument: { bytes: await photo(640, 400, 7), name: "passport.jpg", type: "image/jpeg" },
    selfie: { bytes: await photo(480, 640, 9), name: "selfie.jpg", type: "image/jpeg" },
    ...over.files,
  };
  for (const [k, v] of Object.entries(all)) if (v) files[k] = v;
  return sendForm(
    app,
    who,
    "/api/v1/kyc",
    { legalName: "Jane Q. Performer", dateOfBirth: birthDate(30), country: "US", ...over.fields },
    files,
  );
}

/** Every file under <data_dir>/private/{documents,tmp}. */
export const privateFiles = (app: TestApp) =>
  ["documents", "tmp"].flatMap((d) => {
    try {
      return readdirSync(join(app.dir, "private", d)).map((f) => `${d}/${f}`);
    } catch {
      return [];
    }
  });
