// What every admin form does with a refusal: keep the API's field-level errors (or one form error),
// and move focus to the first field in error so a keyboard or screen-reader user lands on it.
import { html, nothing } from 'lit';
import { AdminApiError, type FieldError } from './admin-api.ts';

export function fieldErrors(err: unknown): FieldError[] {
  return err instanceof AdminApiError && err.errors.length ? err.errors : [{ field: 'form', code: 'ERROR', message: (err as Error).message }];
}

/** The error of a field; `hours.1` also takes `hours.1[0]` (the API names the range). */
export const errorFor = (errors: FieldError[], field: string): FieldError | undefined => errors.find((e) => e.field === field || e.field.startsWith(`${field}[`));

/** Focuses the control named by the first error (name attribute), else the form's error message. */
export function focusFirstError(root: ParentNode, errors: FieldError[]): void {
  const field = errors[0]?.field.replace(/\[\d+\]$/, '');
  const target = (field && root.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`)) || root.querySelector<HTMLElement>('#form-error');
  target?.focus();
}

/** "" → null (the global value), else the number. */
export const optionalNumber = (v: string): number | null => (v.trim() === '' ? null : Number(v));

/** A list view's notices: the last success (status) and, outside a form, why an action was refused. */
export const listNotices = (message: string, errors: FieldError[], formOpen: boolean) => html`
  <p role="status" tabindex="-1" class="ok">${message}</p>
  ${!formOpen && errors.length ? html`<p class="error" role="alert" id="form-error" tabindex="-1">${errors.map((e) => e.message).join(' ')}</p>` : nothing}`;

/** A form's Save / Cancel row (Cancel closes the form and forgets its errors). */
export const formActions = (saveLabel: string, cancel: () => void) => html`
  <div class="actions">
    <button class="primary" type="submit">${saveLabel}</button>
    <button type="button" @click=${cancel}>Cancel</button>
  </div>`;
