import { describe, expect, it } from "vitest";
import { checkIban, isRoutingNumber, maskPayoutMethod } from "./method.ts";

describe("payout method rules", () => {
  it("accepts real IBANs of several lengths and refuses near misses", () => {
    for (const iban of [
      "GB82WEST12345698765432",
      "DE89370400440532013000",
      "NL91ABNA0417164300",
      "FR1420041010050500013M02606",
      "BE68539007547034",
      "NO9386011117947",
      "CH9300762011623852957",
      "MT84MALT011000012345MTLCAST001S",
    ]) {
      expect(checkIban(iban)).toEqual({ iban });
    }
    expect(checkIban(" gb82 west 1234 5698 7654 32 ")).toEqual({ iban: "GB82WEST12345698765432" });
    for (const bad of [
      "GB82WEST12345698765423", // two digits swapped
      "GB83WEST12345698765432", // wrong check digits
      "NL91ABNA041716430", // short for NL
      "ZZ91ABNA0417164300",
      "GB82WEST1234569876543!",
      "",
    ]) {
      expect(checkIban(bad)).toHaveProperty("error");
    }
  });

  it("checks ABA routing numbers", () => {
    for (const ok of ["021000021", "011000015", "122105155"]) expect(isRoutingNumber(ok)).toBe(true);
    for (const bad of ["021000022", "12345678", "0210000210", "02100002a"])
      expect(isRoutingNumber(bad)).toBe(false);
  });

  it("masks to the last four digits and the holder's initial", () => {
    expect(maskPayoutMethod({ kind: "bank", accountHolder: "Ana", iban: "GB82WEST12345698765432" })).toBe(
      "Bank •••• 5432 (Ana)",
    );
    expect(maskPayoutMethod({ kind: "paypal", email: "jo@example.com" })).toBe("PayPal j***@example.com");
  });
});
