import { describe, expect, it } from "vitest";
import { cropRegion } from "./profile-image.worker.ts";

describe("cropRegion", () => {
  it("takes the largest centred square or 3:1 region when no crop is given", () => {
    expect(cropRegion(1600, 1200, null, 1)).toEqual({ left: 200, top: 0, width: 1200, height: 1200 });
    expect(cropRegion(1200, 1600, null, 1)).toEqual({ left: 0, top: 200, width: 1200, height: 1200 });
    expect(cropRegion(2400, 1200, null, 3)).toEqual({ left: 0, top: 200, width: 2400, height: 800 });
  });

  it("maps the client's fractions to pixels and absorbs rounding into the exact aspect", () => {
    // 0.33333 of 900 is 300 px wide; 0.25 of 1200 is 300 px high: a square at (300, 600).
    expect(cropRegion(900, 1200, { x: 0.33333, y: 0.5, w: 0.33333, h: 0.25 }, 1)).toEqual({
      left: 300,
      top: 600,
      width: 300,
      height: 300,
    });
    // Slightly off the aspect: the largest 3:1 region centred inside what was asked.
    const r = cropRegion(1000, 1000, { x: 0, y: 0, w: 0.9, h: 0.31 }, 3);
    expect(r.width / r.height).toBeCloseTo(3, 1);
    expect(r.width).toBeLessThanOrEqual(900);
    expect(r.height).toBeLessThanOrEqual(310);
  });

  it("never reaches outside the image", () => {
    const r = cropRegion(500, 500, { x: 0.9, y: 0.9, w: 0.5, h: 0.5 }, 1);
    expect(r.left + r.width).toBeLessThanOrEqual(500);
    expect(r.top + r.height).toBeLessThanOrEqual(500);
    expect(r.width).toBeGreaterThan(0);
  });
});
