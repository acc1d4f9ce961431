import { toast } from "../../stores/toasts";
import { t } from "../../i18n";

/** Copies a secret shown once; where the browser refuses (no permission, not https), says what to do. */
export async function copySecret(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast(t("integrations.copied"), "success");
  } catch {
    toast(t("integrations.copyFailed"), "error");
  }
}
