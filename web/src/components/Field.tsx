// Labelled inputs with hints and the server's per-field error messages.
import { Show, splitProps, type JSX } from "solid-js";

let fieldSeq = 0;

export function Field(
  props: {
    label: string;
    hint?: JSX.Element;
    error?: string | undefined;
    prefix?: string;
    suffix?: string;
  } & JSX.InputHTMLAttributes<HTMLInputElement>,
) {
  const [own, rest] = splitProps(props, ["label", "hint", "error", "prefix", "suffix", "id", "class"]);
  const id = own.id ?? `f${++fieldSeq}`;
  return (
    <div class={`field ${own.class ?? ""}`} classList={{ "has-error": !!own.error }}>
      <label for={id}>{own.label}</label>
      <div class="input-wrap" classList={{ "has-prefix": !!own.prefix, "has-suffix": !!own.suffix }}>
        <Show when={own.prefix}>
          <span class="input-affix input-prefix" aria-hidden="true">
            {own.prefix}
          </span>
        </Show>
        <input
          id={id}
          class="input"
          aria-invalid={own.error ? "true" : undefined}
          aria-describedby={own.error ? `${id}-err` : own.hint ? `${id}-hint` : undefined}
          {...rest}
        />
        <Show when={own.suffix}>
          <span class="input-affix input-suffix" aria-hidden="true">
            {own.suffix}
          </span>
        </Show>
      </div>
      <Show when={own.error}>
        <p class="field-error" id={`${id}-err`}>
          {own.error}
        </p>
      </Show>
      <Show when={!own.error && own.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {own.hint}
        </p>
      </Show>
    </div>
  );
}

export function TextArea(
  props: {
    label: string;
    hint?: JSX.Element;
    error?: string | undefined;
  } & JSX.TextareaHTMLAttributes<HTMLTextAreaElement>,
) {
  const [own, rest] = splitProps(props, ["label", "hint", "error", "id", "class"]);
  const id = own.id ?? `f${++fieldSeq}`;
  return (
    <div class={`field ${own.class ?? ""}`} classList={{ "has-error": !!own.error }}>
      <label for={id}>{own.label}</label>
      <textarea
        id={id}
        class="input textarea"
        aria-invalid={own.error ? "true" : undefined}
        aria-describedby={own.error ? `${id}-err` : own.hint ? `${id}-hint` : undefined}
        {...rest}
      />
      <Show when={own.error}>
        <p class="field-error" id={`${id}-err`}>
          {own.error}
        </p>
      </Show>
      <Show when={!own.error && own.hint}>
        <p class="field-hint" id={`${id}-hint`}>
          {own.hint}
        </p>
      </Show>
    </div>
  );
}

export function FormError(props: { message: string | null | undefined }) {
  return (
    <Show when={props.message}>
      <div class="form-error" role="alert">
        {props.message}
      </div>
    </Show>
  );
}
