// Renders the shipped config templates (nginx site, later systemd): {{NAME}} placeholders, every one of
// which must be given, so a half-rendered file is never written.
export function renderTemplate(template: string, vars: Record<string, string>): string {
  const missing = new Set<string>();
  const out = template.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
    const value = vars[name];
    if (value === undefined) {
      missing.add(name);
      return "";
    }
    return value;
  });
  if (missing.size > 0) throw new Error(`template values missing: ${[...missing].join(", ")}`);
  return out;
}
