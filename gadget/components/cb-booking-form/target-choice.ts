// Who calls back: the agent himself (with a fallback skill) or a skill group, and which skill.
import { html, nothing } from 'lit';
import type { Skill } from '../../api/types.ts';
import { t, type Locale } from '../../i18n/i18n.ts';

export type Target = 'me' | 'skill';

/** Errors under a field, referenced by the field's aria-describedby ("<field>-error"). */
export const renderFieldErrors = (field: string, errors: string[]) =>
  errors.length ? html`<p id="${field}-error" class="field-error">${errors.join(' ')}</p>` : nothing;

export function renderTargetChoice(o: { locale: Locale; target: Target; skill: string; skills: Skill[]; errors: string[]; onTarget: (t: Target) => void; onSkill: (skill: string) => void }) {
  const l = o.locale;
  return html`
    <fieldset aria-describedby=${o.errors.length ? 'target-error' : nothing}>
      <legend>${t(l, 'field.target')}</legend>
      <label class="radio"><input type="radio" name="target" value="me" .checked=${o.target === 'me'} @change=${() => o.onTarget('me')} />${t(l, 'field.targetMe')}</label>
      <label class="radio"><input type="radio" name="target" value="skill" .checked=${o.target === 'skill'} @change=${() => o.onTarget('skill')} />${t(l, 'field.targetSkill')}</label>
      <label for="skill">${o.target === 'me' ? t(l, 'field.fallbackSkill') : t(l, 'field.skill')}</label>
      <select id="skill" @change=${(e: Event) => o.onSkill((e.target as HTMLSelectElement).value)}>
        ${o.skills.map((s) => html`<option value=${s.name} ?selected=${s.name === o.skill}>${s.name}</option>`)}
      </select>
      ${renderFieldErrors('target', o.errors)}
    </fieldset>
  `;
}
