// What a viewer sees where a creator blocks their country (the API's 451 `geo_blocked`): a clear notice,
// not a broken page, with a way on.
import { A } from "@solidjs/router";
import { ApiError } from "../api/client";
import EmptyState from "./EmptyState";

const regions = new Intl.DisplayNames(
  typeof navigator === "undefined" ? ["en"] : [...navigator.languages, "en"],
  {
    type: "region",
  },
);

/** Whether an error is the geo-block answer. */
export const isGeoBlocked = (err: unknown): err is ApiError =>
  err instanceof ApiError && (err.status === 451 || err.code === "geo_blocked");

export default function GeoBlocked(props: { error: ApiError; what?: string }) {
  const country = () => {
    const c = props.error.details?.country;
    return typeof c === "string" ? (regions.of(c) ?? c) : null;
  };
  return (
    <EmptyState icon="shield" title="Not available in your country">
      <p class="muted">
        The creator has chosen not to show {props.what ?? "their page"}
        {country() ? ` in ${country()}` : " where you are"}. This is their decision, based on where your
        internet connection comes from.
      </p>
      <p class="muted small">Error 451 · Unavailable for legal reasons</p>
      <A href="/discover" class="btn btn-primary">
        Discover other creators
      </A>
    </EmptyState>
  );
}
