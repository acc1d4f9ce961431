// What `fanzctl seed --demo` puts on the site: six creators with their own voice, prices and posts, twenty
// fans, and the things fans say. Days are counted back from the moment the seed runs.
import type { DemoCreator } from "./types.ts";
import { avaLens } from "./creators/ava_lens.ts";
import { fitwithmarco } from "./creators/fitwithmarco.ts";
import { lofiJune } from "./creators/lofi_june.ts";
import { chefNoor } from "./creators/chef_noor.ts";
import { pixelRin } from "./creators/pixel_rin.ts";
import { trailwithsam } from "./creators/trailwithsam.ts";

/** The creator whose earnings the demo shows first; the demo fan follows them. */
export const DEMO_CREATOR = "ava_lens";
export const DEMO_FAN = { username: "demo_fan", displayName: "Demo Fan" };
export const DEMO_EMAIL_DOMAIN = "demo.fanz.local";

export const CREATORS: DemoCreator[] = [avaLens, fitwithmarco, lofiJune, chefNoor, pixelRin, trailwithsam];

/** Lines any creator's fans might write. */
export const GENERIC_COMMENTS = [
  "Love this!",
  "Best post this month.",
  "Can't wait for the next one.",
  "This made my day.",
  "Wow.",
  "How long did this take?",
  "Saving this one.",
  "You keep getting better.",
  "Needed this today, thank you.",
  "Okay, this is my favourite so far.",
];

export const TIP_MESSAGES = [
  "Thanks for the inspiration!",
  "Coffee's on me.",
  "For the next trip.",
  "You earned it.",
  "Keep going!",
];

/** Twenty fans with ordinary names; their behaviour comes from the seeded random numbers. */
export const FANS: { username: string; displayName: string }[] = [
  ["mia_k", "Mia K."],
  ["leo_brandt", "Leo Brandt"],
  ["sofia_r", "Sofía R."],
  ["jonas88", "Jonas"],
  ["amara_o", "Amara O."],
  ["tom_h", "Tom Hughes"],
  ["yuki_t", "Yuki T."],
  ["nina_vos", "Nina Vos"],
  ["omar_f", "Omar F."],
  ["lena_m", "Lena Müller"],
  ["kai_p", "Kai P."],
  ["priya_s", "Priya S."],
  ["ben_c", "Ben Carter"],
  ["chloe_d", "Chloé D."],
  ["ivan_z", "Ivan Z."],
  ["grace_l", "Grace Liu"],
  ["mateo_g", "Mateo G."],
  ["hanna_j", "Hanna J."],
  ["sam_w", "Sam W."],
  ["zoe_b", "Zoë B."],
].map(([username, displayName]) => ({ username: username!, displayName: displayName! }));
