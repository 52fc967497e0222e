import { useId } from 'react';
import { useI18n } from '../../../lib/i18n';
import classes from './mode-switch.module.css';

export type InputMode = 'text' | 'file';

export interface ModeSwitchProps {
  value: InputMode;
  onChange: (mode: InputMode) => void;
}

const MODES: readonly InputMode[] = ['text', 'file'];

/**
 * Text or File, as a radio group (native radios: arrow keys move the choice, and every
 * browser and screen reader knows them). Part of the first view, so kept to plain elements.
 */
export function ModeSwitch({ value, onChange }: ModeSwitchProps) {
  const { t } = useI18n();
  const name = useId();
  return (
    <fieldset className={classes.switch}>
      <legend className={classes.legend}>{t('files.mode')}</legend>
      {MODES.map((mode) => (
        <label key={mode} className={classes.option} data-checked={value === mode}>
          <input
            type="radio"
            name={name}
            value={mode}
            checked={value === mode}
            onChange={() => onChange(mode)}
            className={classes.radio}
          />
          {t(mode === 'text' ? 'files.mode.text' : 'files.mode.file')}
        </label>
      ))}
    </fieldset>
  );
}
