// The question before a step that can't be taken back (end a stream, delete, a new key): the shared
// dialog with a way out and the danger button, which says what it is doing while it runs; the server's
// refusal shows under the text, so the creator can try again without reopening it.
import type { JSX } from "solid-js";
import Dialog from "./Dialog";
import { FormError } from "./Field";

export default function ConfirmDialog(props: {
  title: string;
  /** The way out, e.g. "Keep it". */
  cancelLabel: string;
  /** The danger button, e.g. "Delete stream", and its label while the step runs, e.g. "Deleting…". */
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  error: string | null;
  onConfirm: () => void;
  onClose: () => void;
  children: JSX.Element;
}) {
  return (
    <Dialog
      open
      title={props.title}
      onClose={() => props.onClose()}
      footer={
        <>
          <button type="button" class="btn btn-ghost" onClick={() => props.onClose()}>
            {props.cancelLabel}
          </button>
          <button
            type="button"
            class="btn btn-danger"
            disabled={props.busy}
            onClick={() => props.onConfirm()}
          >
            {props.busy ? props.busyLabel : props.confirmLabel}
          </button>
        </>
      }
    >
      {props.children}
      <FormError message={props.error} />
    </Dialog>
  );
}
