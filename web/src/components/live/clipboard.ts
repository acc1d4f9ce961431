import { toast } from "../../stores/toasts";

/** Copies `text` and says so; where the browser refuses (no permission, not https), says how instead. */
import { locale, t } from "../../i18n";
export async function copyToClipboard(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast(t("live.copied", { what }), "success");
  } catch {
    toast(t("live.copyFailed", { what: locale() === "de" ? what : what.toLowerCase() }), "error");
  }
}
