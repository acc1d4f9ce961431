import { describe, expect, it } from "vitest";
import { visibleText } from "./text.ts";

describe("visibleText", () => {
  const name = visibleText({ max: 60 });
  const bio = visibleText({ max: 1000, min: 0, multiline: true });
  it("normalises to NFC and trims", () => {
    expect(name.parse("  Cafe\u0301 ")).toBe("Café");
    expect(name.parse("Ana 👩‍👩‍👧")).toBe("Ana 👩‍👩‍👧"); // emoji joined by ZWJ stay
  });
  it("refuses NUL and other control characters, bidi controls and blank names", () => {
    for (const bad of [
      "a\u0000b",
      "tab\tname",
      "line\nbreak",
      "evil\u202Egpj.exe",
      "iso\u2067x",
      "\u200B\u200B",
      "\u200D \uFEFF",
      "   ",
    ]) {
      expect(name.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
  it("lets a bio have lines and be empty, but not NUL or overrides", () => {
    expect(bio.parse("line one\nline two\twith tab")).toBe("line one\nline two\twith tab");
    expect(bio.parse("")).toBe("");
    expect(bio.safeParse("x\u0000").success).toBe(false);
    expect(bio.safeParse("x\u202Dy").success).toBe(false);
  });
  it("counts the limit after normalising", () => {
    expect(name.safeParse("e\u0301".repeat(60)).success).toBe(true);
    expect(name.safeParse("x".repeat(61)).success).toBe(false);
  });
});
