import { t } from "../i18n";
import { For } from "solid-js";

export function PostSkeleton() {
  return (
    <div class="card post skeleton-card" aria-hidden="true">
      <div class="post-head">
        <span class="sk sk-circle" />
        <div class="sk-lines">
          <span class="sk sk-line" style={{ width: "38%" }} />
          <span class="sk sk-line sk-thin" style={{ width: "24%" }} />
        </div>
      </div>
      <span class="sk sk-line" style={{ width: "92%" }} />
      <span class="sk sk-line" style={{ width: "78%" }} />
      <span class="sk sk-block" />
    </div>
  );
}

export function PostSkeletons(props: { count?: number }) {
  return (
    <div class="stack" aria-busy="true" aria-label="Loading posts">
      <For each={Array.from({ length: props.count ?? 3 })}>{() => <PostSkeleton />}</For>
    </div>
  );
}

export function CreatorSkeletons(props: { count?: number; compact?: boolean }) {
  return (
    <div
      class={props.compact ? "creator-list" : "creator-grid"}
      aria-busy="true"
      aria-label={t("common.loadingCreators")}
    >
      <For each={Array.from({ length: props.count ?? 4 })}>
        {() => (
          <div class={props.compact ? "creator-row" : "card creator-card skeleton-card"} aria-hidden="true">
            {!props.compact && <span class="sk creator-card-banner" />}
            <div class="creator-row-inner">
              <span class="sk sk-circle" />
              <div class="sk-lines">
                <span class="sk sk-line" style={{ width: "60%" }} />
                <span class="sk sk-line sk-thin" style={{ width: "40%" }} />
              </div>
            </div>
          </div>
        )}
      </For>
    </div>
  );
}

export function LineSkeleton(props: { width?: string }) {
  return <span class="sk sk-line" aria-hidden="true" style={{ width: props.width ?? "100%" }} />;
}
