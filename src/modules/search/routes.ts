// GET /search: creators, posts and tags for one query.
import { z } from "zod";
import { entitlementViewer } from "../../http/middleware/session.ts";
import { apiApp, apiRoute, json } from "../../http/openapi.ts";
import { creatorSchema } from "../creators/schemas.ts";
import { postSchema } from "../posts/schemas.ts";
import type { SearchService } from "./service.ts";

const searchQuery = z.object({
  q: z.string().max(200).meta({ description: "Words to find; any text is safe (operators are ignored)." }),
});

const searchResult = z
  .strictObject({
    creators: z.array(creatorSchema).meta({ description: "Matching names, exact and prefix first." }),
    posts: z
      .array(postSchema)
      .meta({ description: "Best match first; only posts whose text the viewer may read." }),
    tags: z
      .array(z.strictObject({ tag: z.string(), posts: z.number().int() }))
      .meta({ description: "Hashtags starting with the query's first word, most used first." }),
  })
  .meta({ id: "SearchResult" });

const search = apiRoute(
  {
    method: "get",
    path: "/",
    tags: ["search"],
    operationId: "search",
    summary: "Search creators, posts and hashtags",
    request: { query: searchQuery },
    responses: { 200: json(searchResult, "Ranked results in three sections.") },
  },
  { auth: "optional" },
);

export function searchRoutes({ search: service }: { search: SearchService }) {
  return apiApp().openapi(search, async (c) =>
    c.json(await service.search(entitlementViewer(c), c.req.valid("query").q, c.get("country")), 200),
  );
}
