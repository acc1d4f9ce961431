// The public /2257 page: the site's 18 U.S.C. § 2257 record-keeping compliance statement, with the
// custodian of records the admin set in the site settings.
import { usePageTitle } from "../../lib/page-title";
import { createResource, Show } from "solid-js";
import { compliance } from "../../api/compliance";
import "../../compliance.css";
import { LineSkeleton } from "../../components/Skeleton";
import { t } from "../../i18n";

export default function Statement2257() {
  usePageTitle(() => t("compliance.s2257Title"));
  const [data] = createResource(() => compliance.statement());
  return (
    <article class="stack">
      <div>
        <h1 class="page-title">{t("compliance.s2257Title")}</h1>
        <p class="muted lead">{t("compliance.s2257Lead")}</p>
      </div>
      <section class="card form-card stack-sm">
        <Show
          when={data()}
          fallback={
            <Show when={!data.error} fallback={<p class="notice notice-error">{String(data.error)}</p>}>
              <LineSkeleton />
              <LineSkeleton width="70%" />
            </Show>
          }
        >
          {(d) => (
            <>
              <p>{t("compliance.s2257Body", { site: d().statement.siteName })}</p>
              <p>{t("compliance.s2257Records")}</p>
              <Show
                when={d().statement.custodianOfRecords}
                fallback={<p class="muted">{t("compliance.s2257NoCustodian")}</p>}
              >
                <blockquote class="card form-card statement">{d().statement.custodianOfRecords}</blockquote>
              </Show>
            </>
          )}
        </Show>
      </section>
    </article>
  );
}
