// Short messages announced through an aria-live region.
import { createSignal } from "solid-js";

export type ToastKind = "info" | "success" | "error";
export interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

const [toasts, setToasts] = createSignal<Toast[]>([]);
let nextId = 1;

export { toasts };

export function dismissToast(id: number): void {
  setToasts((list) => list.filter((t) => t.id !== id));
}

export function toast(text: string, kind: ToastKind = "info", ms = kind === "error" ? 7000 : 4000): void {
  const id = nextId++;
  setToasts((list) => [...list.slice(-3), { id, kind, text }]);
  setTimeout(() => dismissToast(id), ms);
}
