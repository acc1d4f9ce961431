// A row of toggle chips choosing one filter of a list (a queue's status): one pressed at a time.
import { For } from "solid-js";

export interface FilterOption<T> {
  value: T;
  label: string;
}

export default function FilterChips<T>(props: {
  options: FilterOption<T>[];
  value: T;
  onChange: (value: T) => void;
  label?: string;
}) {
  return (
    <div class="filter-row" role="group" aria-label={props.label ?? "Show"}>
      <For each={props.options}>
        {(f) => (
          <button
            type="button"
            class="filter-chip"
            aria-pressed={props.value === f.value}
            onClick={() => props.onChange(f.value)}
          >
            {f.label}
          </button>
        )}
      </For>
    </div>
  );
}
