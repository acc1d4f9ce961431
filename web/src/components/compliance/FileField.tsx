// A document picker for compliance forms: JPEG, PNG, WebP or PDF, with a thumbnail of a chosen photo.
import { createEffect, createSignal, onCleanup, Show } from "solid-js";
import "../../compliance.css";
import Icon from "../Icon";

let seq = 0;

export const DOCUMENT_TYPES = "image/jpeg,image/png,image/webp,application/pdf";

export default function FileField(props: {
  label: string;
  hint: string;
  name: string;
  file: File | null;
  onChange: (f: File | null) => void;
  error?: string | undefined;
  capture?: "user" | "environment";
}) {
  const id = `file-${++seq}`;
  const [thumb, setThumb] = createSignal<string | null>(null);
  createEffect(() => {
    const f = props.file;
    const url = f && f.type.startsWith("image/") ? URL.createObjectURL(f) : null;
    setThumb(url);
    onCleanup(() => url && URL.revokeObjectURL(url));
  });
  return (
    <div class="file-field">
      <label for={id}>{props.label}</label>
      <div class="file-drop" classList={{ "has-file": !!props.file, "has-error": !!props.error }}>
        <Show when={thumb()} fallback={<Icon name={props.file ? "file" : "image"} size={28} />}>
          {(src) => <img class="file-thumb" src={src()} alt="" />}
        </Show>
        <input
          id={id}
          name={props.name}
          type="file"
          accept={DOCUMENT_TYPES}
          capture={props.capture}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={`${id}-hint`}
          onChange={(e) => props.onChange(e.currentTarget.files?.[0] ?? null)}
        />
      </div>
      <Show
        when={props.error}
        fallback={
          <p class="field-hint" id={`${id}-hint`}>
            {props.hint}
          </p>
        }
      >
        <p class="field-error" id={`${id}-hint`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}
