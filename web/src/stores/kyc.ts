// The signed-in person's identity verification: its status and whether the site requires one. Read by
// the verification page and by the notices where the KYC gate applies (composer, go live, payouts).
import { createSignal } from "solid-js";
import { compliance } from "../api/compliance";
import type { MyKyc } from "../api/schema.gen";

const [kyc, setKyc] = createSignal<MyKyc | null>(null);
let loading: Promise<MyKyc | null> | null = null;

export { kyc };

/** Loads it once (or again with `fresh`); errors leave it unknown (null). */
export function loadKyc(fresh = false): Promise<MyKyc | null> {
  if (!fresh && loading) return loading;
  loading = compliance
    .myKyc()
    .then((k) => {
      setKyc(k);
      return k;
    })
    .catch(() => null);
  return loading;
}

export function setMyKyc(k: MyKyc) {
  setKyc(k);
}

/** The site requires verification and this person has no approved one. */
export const kycBlocks = () => {
  const k = kyc();
  return !!k && k.required && k.kyc?.status !== "approved";
};
