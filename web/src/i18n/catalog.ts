// Every catalog area's keys, for the type of t(). Add an area here (import and list) when a part of the UI
// gets its own file. Only types: at run time an area's English arrives with the modules that use it.
import { english, type Locale, type Message } from "./define";
import type account from "./areas/account";
import type admin from "./areas/admin";
import type analytics from "./areas/analytics";
import type auth from "./areas/auth";
import type common from "./areas/common";
import type compliance from "./areas/compliance";
import type compose from "./areas/compose";
import type creator from "./areas/creator";
import type discovery from "./areas/discovery";
import type earnings from "./areas/earnings";
import type errors from "./areas/errors";
import type fans from "./areas/fans";
import type feed from "./areas/feed";
import type integrations from "./areas/integrations";
import type live from "./areas/live";
import type media from "./areas/media";
import type messages from "./areas/messages";
import type nav from "./areas/nav";
import type notifications from "./areas/notifications";
import type pay from "./areas/pay";
import type post from "./areas/post";
import type promotions from "./areas/promotions";
import type referrals from "./areas/referrals";
import type security from "./areas/security";
import type settings from "./areas/settings";
import type setup from "./areas/setup";
import type sso from "./areas/sso";
import type subscribe from "./areas/subscribe";
import type subscriptions from "./areas/subscriptions";
import type tip from "./areas/tip";
import type wallet from "./areas/wallet";

type Areas = [
  typeof account,
  typeof admin,
  typeof analytics,
  typeof auth,
  typeof common,
  typeof compliance,
  typeof compose,
  typeof creator,
  typeof discovery,
  typeof earnings,
  typeof errors,
  typeof fans,
  typeof feed,
  typeof integrations,
  typeof live,
  typeof media,
  typeof messages,
  typeof nav,
  typeof notifications,
  typeof pay,
  typeof post,
  typeof promotions,
  typeof referrals,
  typeof security,
  typeof settings,
  typeof setup,
  typeof sso,
  typeof subscribe,
  typeof subscriptions,
  typeof tip,
  typeof wallet,
];

// Distributes over the areas: `keyof` of the union itself would be only the keys every area shares.
type KeysOf<A> = A extends { en: infer E } ? keyof E & string : never;

/** Every message key of the UI (an unknown key passed to t() is a type error). */
export type MessageKey = KeysOf<Areas[number]>;

export { english };

// The other languages are modules of their own (web/locale-split.ts), fetched only by their readers.
const others: Record<Exclude<Locale, "en">, () => Promise<{ default: Record<string, Message> }>> = {
  es: () => import("virtual:fanz-locale/es"),
  de: () => import("virtual:fanz-locale/de"),
  fr: () => import("virtual:fanz-locale/fr"),
  "pt-BR": () => import("virtual:fanz-locale/pt-BR"),
};

/** The messages of one language (English as far as the loaded areas go, the others from their own chunk). */
export async function loadCatalog(locale: Locale): Promise<Record<string, Message>> {
  if (locale === "en") return english;
  return (await others[locale]()).default;
}
