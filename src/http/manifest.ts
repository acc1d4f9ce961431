// The web app manifest, made per site (its name is the site's), so the SPA installs as an app; icons
// and the service worker (/sw.js) ship with the built web UI (web/public).
import type { Context } from "hono";
import type { SiteService } from "../modules/site/service.ts";

const ICONS = [
  { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
  { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
  { src: "/icons/maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
];

export function webManifest(site: Pick<SiteService, "settings">) {
  return async (c: Context) => {
    const name = (await site.settings()).name;
    c.header("Content-Type", "application/manifest+json");
    // The name may change in the admin console.
    c.header("Cache-Control", "no-cache");
    return c.body(
      JSON.stringify({
        id: "/",
        name,
        short_name: name.length > 12 ? name.slice(0, 12).trim() : name,
        description: `${name}: subscribe to your favourite creators.`,
        start_url: "/",
        scope: "/",
        display: "standalone",
        background_color: "#0e0d14",
        theme_color: "#6d28d9",
        icons: ICONS,
      }),
    );
  };
}
