// The per-language catalog modules built by web/locale-split.ts.
declare module "virtual:fanz-locale/*" {
  const messages: Record<string, import("./i18n/define").Message>;
  export default messages;
}
