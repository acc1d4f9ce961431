// The sizes the image pipeline cuts, shared by the worker that writes them and the media views that
// describe them to browsers (srcset): no sharp here, so the views can import it.

/** Longest side of each variant. */
export const IMAGE_VARIANTS = { thumb: 320, feed: 1080, full: 2560 } as const;
export type ImageVariant = keyof typeof IMAGE_VARIANTS;

/** The width of a variant of a `width`×`height` original: fit inside the box, never enlarged. */
export function variantWidth(width: number, height: number, variant: ImageVariant): number {
  const scale = Math.min(1, IMAGE_VARIANTS[variant] / Math.max(width, height));
  return Math.max(1, Math.round(width * scale));
}
