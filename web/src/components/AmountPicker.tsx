// Amount chips (presets) plus a "Custom" chip that opens a money field: top-ups and tips pick amounts alike.
import { t } from "../i18n";
import { For, Show, type JSX } from "solid-js";
import { currencySymbol, formatMoney } from "../lib/format";

export type AmountChoice = number | "custom";

export default function AmountPicker(props: {
  /** Base for element ids and the radio group's name. */
  id: string;
  legend: string;
  hideLegend?: boolean;
  presets: readonly number[];
  wide?: boolean;
  choice: AmountChoice;
  onChoice: (c: AmountChoice) => void;
  custom: string;
  onCustom: (v: string) => void;
  currency: string;
  placeholder: string;
  hint?: JSX.Element;
  error: string | null;
  /** The custom amount's input, for callers that focus it on errors. */
  inputRef?: (el: HTMLInputElement) => void;
  customClass?: string;
}) {
  let input: HTMLInputElement | undefined;
  const choose = (c: AmountChoice) => {
    props.onChoice(c);
    if (c === "custom") queueMicrotask(() => input?.focus());
  };
  const chip = (c: AmountChoice, label: JSX.Element) => (
    <label class="amount-chip" classList={{ active: props.choice === c }}>
      <input
        type="radio"
        name={`${props.id}-amount`}
        checked={props.choice === c}
        onChange={() => choose(c)}
      />
      {label}
    </label>
  );
  return (
    <>
      <fieldset class="amount-picker">
        <legend classList={{ "sr-only": props.hideLegend }}>{props.legend}</legend>
        <div class="amount-options" classList={{ "amount-options-wide": props.wide }}>
          <For each={props.presets}>{(p) => chip(p, formatMoney(p, props.currency))}</For>
          {chip("custom", t("pay.custom"))}
        </div>
      </fieldset>
      <Show when={props.choice === "custom"}>
        <div class={`field ${props.customClass ?? ""}`} classList={{ "has-error": !!props.error }}>
          <label for={`${props.id}-custom`}>{t("pay.customAmount")}</label>

          <div class="input-wrap has-prefix">
            <span class="input-affix input-prefix" aria-hidden="true">
              {currencySymbol(props.currency)}
            </span>
            <input
              ref={(el) => {
                input = el;
                props.inputRef?.(el);
              }}
              id={`${props.id}-custom`}
              class="input"
              inputmode="decimal"
              placeholder={props.placeholder}
              value={props.custom}
              aria-invalid={props.error ? "true" : undefined}
              aria-describedby={props.hint ? `${props.id}-custom-hint` : undefined}
              onInput={(e) => props.onCustom(e.currentTarget.value)}
            />
          </div>
          <Show when={props.hint}>
            <p class="field-hint" id={`${props.id}-custom-hint`}>
              {props.hint}
            </p>
          </Show>
        </div>
      </Show>
      <Show when={props.error}>
        <p class="field-error">{props.error}</p>
      </Show>
    </>
  );
}
