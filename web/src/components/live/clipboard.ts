import { toast } from "../../stores/toasts";

/** Copies `text` and says so; where the browser refuses (no permission, not https), says how instead. */
export async function copyToClipboard(text: string, what: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast(`${what} copied`, "success");
  } catch {
    toast(`Couldn't copy. Select the ${what.toLowerCase()} and copy it by hand.`, "error");
  }
}
