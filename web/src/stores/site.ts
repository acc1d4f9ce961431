// The site's public settings (name, currency) and whether first-run setup is still required.
import { createSignal } from "solid-js";
import { api, errorMessage, onApiError } from "../api/client";
import type { Site } from "../api/schema.gen";

const [site, setSite] = createSignal<Site | null>(null);
const [siteError, setSiteError] = createSignal<string | null>(null);

export { site, siteError };

export async function loadSite(): Promise<void> {
  try {
    const res = await api.site();
    setSite(res.site);
    setSiteError(null);
  } catch (err) {
    setSiteError(errorMessage(err));
  }
}

export function markSetupDone(next: Site): void {
  setSite({ ...next, setupRequired: false });
}

/** After the admin renamed the site. */
export function setSiteName(name: string): void {
  const s = site();
  if (s) setSite({ ...s, name });
}

export function siteName(): string {
  return site()?.name || "Fanz";
}

export function siteCurrency(): string {
  return site()?.currency || "USD";
}

/** Whether creators may go live here (the site can turn live streaming off). */
export function liveEnabled(): boolean {
  return site()?.live !== false;
}

onApiError((err) => {
  if (err.code === "setup_required") {
    const s = site();
    setSite({
      name: s?.name ?? "Fanz",
      currency: s?.currency ?? "USD",
      live: s?.live ?? true,
      setupRequired: true,
    });
  }
});
