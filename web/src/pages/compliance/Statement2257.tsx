// The public /2257 page: the site's 18 U.S.C. § 2257 record-keeping compliance statement, with the
// custodian of records the admin set in the site settings.
import { createResource, Show } from "solid-js";
import { compliance } from "../../api/compliance";
import "../../compliance.css";
import { LineSkeleton } from "../../components/Skeleton";

export default function Statement2257() {
  const [data] = createResource(() => compliance.statement());
  return (
    <article class="stack">
      <div>
        <h1 class="page-title">18 U.S.C. § 2257 compliance statement</h1>
        <p class="muted lead">Record-keeping requirements compliance statement.</p>
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
              <p>
                All persons who appear in visual depictions of actual or simulated sexually explicit conduct
                on {d().statement.siteName} were eighteen years of age or older at the time those depictions
                were created. Creators on this site verify their identity and age, and keep a record of every
                other performer in their content.
              </p>
              <p>
                The records required by 18 U.S.C. § 2257 and 28 C.F.R. Part 75 for all content on this site
                are kept by the custodian of records:
              </p>
              <Show
                when={d().statement.custodianOfRecords}
                fallback={
                  <p class="muted">The site's operator has not published the custodian's details yet.</p>
                }
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
