// ISO 3166-1 alpha-2 countries with their names in the viewer's language, from the browser's own data.
let cached: { code: string; name: string }[] | null = null;

export function countries(): { code: string; name: string }[] {
  if (cached) return cached;
  const names = new Intl.DisplayNames([navigator.language, "en"], { type: "region" });
  const out: { code: string; name: string }[] = [];
  const A = 65;
  for (let i = 0; i < 26; i++)
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      const name = names.of(code);
      if (name && name !== code && name !== "Unknown Region" && !/^[A-Z]{2}$/.test(name))
        out.push({ code, name });
    }
  // Not countries: the EU, the UN, Eurozone, "Outlying Oceania", pseudo-regions.
  const skip = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"]);
  cached = out.filter((c) => !skip.has(c.code)).sort((a, b) => a.name.localeCompare(b.name));
  return cached;
}
