// What a viewer sees where a creator blocks their country (the API's 451 `geo_blocked`): a clear notice,
// not a broken page, with a way on.
import { locale, t } from "../i18n";
import { A } from "@solidjs/router";
import { ApiError } from "../api/client";
import EmptyState from "./EmptyState";

/** Whether an error is the geo-block answer. */
export const isGeoBlocked = (err: unknown): err is ApiError =>
  err instanceof ApiError && (err.status === 451 || err.code === "geo_blocked");

export default function GeoBlocked(props: { error: ApiError; what?: string }) {
  const country = () => {
    const c = props.error.details?.country;
    const regions = new Intl.DisplayNames([locale(), "en"], { type: "region" });
    return typeof c === "string" ? (regions.of(c) ?? c) : null;
  };
  return (
    <EmptyState icon="shield" title={t("creator.geoTitle")}>
      <p class="muted">
        {country()
          ? t("creator.geoBodyIn", {
              what: props.what ?? t("creator.geoTheirPage"),
              country: country() ?? "",
            })
          : t("creator.geoBodyHere", { what: props.what ?? t("creator.geoTheirPage") })}
      </p>
      <p class="muted small">{t("creator.geo451")}</p>
      <A href="/discover" class="btn btn-primary">
        {t("creator.geoDiscover")}
      </A>
    </EmptyState>
  );
}
