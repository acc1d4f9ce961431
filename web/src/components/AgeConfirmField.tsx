// The "I am an adult" checkbox every sign-up form asks for, with the server's (or the form's) error under it.
// One component so the e-mail and the provider sign-up keep the same name, label and error wiring.
import { t } from "../i18n";

/** The age-confirmation checkbox: `ageConfirmed` in the form, its error from the `ageConfirmed` field. */
export function AgeConfirmField(props: {
  checked: boolean;
  error?: string | undefined;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div class="field" classList={{ "has-error": !!props.error }}>
      <label class="checkbox">
        <input
          type="checkbox"
          name="ageConfirmed"
          required
          checked={props.checked}
          aria-invalid={props.error ? "true" : undefined}
          onChange={(e) => props.onChange(e.currentTarget.checked)}
        />
        <span>{t("auth.adult")}</span>
      </label>
      {props.error && <p class="field-error">{props.error}</p>}
    </div>
  );
}
