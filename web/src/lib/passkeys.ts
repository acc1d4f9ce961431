// Passkeys in this browser: whether WebAuthn is there, and registering one (the server's options in,
// the browser's answer out). @simplewebauthn/browser is loaded only when a passkey is used.
import { api } from "../api/client";

export function passkeysSupported(): boolean {
  return typeof window !== "undefined" && typeof window.PublicKeyCredential === "function";
}

/** Makes a passkey for the signed-in person with the browser and keeps it on the server under `name`. */
export async function addPasskey(name: string) {
  const { startRegistration } = await import("@simplewebauthn/browser");
  const { flowId, options } = await api.passkeyOptions();
  const response = await startRegistration({
    optionsJSON: options as unknown as Parameters<typeof startRegistration>[0]["optionsJSON"],
  });
  return (await api.registerPasskey({ flowId, name, response })).passkey;
}

/** A name for a new passkey, from what the browser says it runs on. */
export function defaultPasskeyName(): string {
  const ua = navigator.userAgent;
  const system = /iPhone|iPad/.test(ua)
    ? "iPhone"
    : /Android/.test(ua)
      ? "Android phone"
      : /Mac OS X/.test(ua)
        ? "Mac"
        : /Windows/.test(ua)
          ? "Windows PC"
          : /Linux/.test(ua)
            ? "Linux computer"
            : "This device";
  return `Passkey on ${system}`;
}
