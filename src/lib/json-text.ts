// JSON text a service serialised itself (the feed splices kept serialisations of its posts), typed by what
// it holds, so a route can answer it as that schema's body (http/openapi.ts sendJsonText).
export type JsonText<T> = string & { readonly __holds?: T };
