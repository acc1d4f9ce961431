// Text people show to others (names, bios, site name): NFC-normalised, trimmed, and free of what can
// hide or disguise it — control characters (NUL…) and bidi overrides/isolates (U+202E makes "gpj.exe"
// read as "exe.jpg") — and never blank once the invisible characters are taken away.
import { z } from "zod";

const CONTROL = /\p{Cc}/u;
const CONTROL_BUT_LINES = /[^\P{Cc}\n\t]/u;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/u;
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}]/gu;

/** A zod string for visible text; `multiline` allows line breaks and tabs (bios), `min: 0` allows empty. */
export function visibleText({
  max,
  min = 1,
  multiline = false,
}: {
  max: number;
  min?: 0 | 1;
  multiline?: boolean;
}) {
  return z
    .string()
    .transform((s) => s.normalize("NFC").trim())
    .pipe(
      z
        .string()
        .max(max, `At most ${max} characters.`)
        .refine(
          (s) => !(multiline ? CONTROL_BUT_LINES : CONTROL).test(s),
          "Control characters are not allowed.",
        )
        .refine((s) => !BIDI_CONTROL.test(s), "Text-direction control characters are not allowed.")
        .refine((s) => min === 0 || s.replace(INVISIBLE, "").length > 0, "Must not be blank."),
    )
    .meta({ maxLength: max, description: "Trimmed; no control or text-direction characters." });
}
