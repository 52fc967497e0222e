import { Badge, Group, Text, TextInput } from '@mantine/core';
import { useId, useMemo, useState, type KeyboardEvent, type ReactNode, type Ref } from 'react';
import { KEY_ID_PATTERN, type KeyDetails } from '../../../shared/kms';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { tone } from '../../../components';
import {
  keyAvailability,
  keyMatches,
  sortKeys,
  type KeyAvailabilityRule,
  type UnavailableReason,
} from '../model/key-options';
import { keyNamedBy, normalizeKeyInput } from '../model/key-input';
import classes from './key-picker.module.css';
import type { KeyLookup } from './use-key-lookup';

const REASON_KEYS: Record<UnavailableReason, MessageKey> = {
  disabled: 'keys.reason.disabled',
  pendingDeletion: 'keys.reason.pendingDeletion',
  pendingActivation: 'keys.reason.pendingActivation',
  pendingImport: 'keys.reason.pendingImport',
  signOnly: 'keys.reason.signOnly',
  notSymmetric: 'keys.reason.notSymmetric',
};

const STATE_KEYS: Record<KeyDetails['key_state'], MessageKey> = {
  '1': 'keys.state.1',
  '2': 'keys.state.2',
  '3': 'keys.state.3',
  '4': 'keys.state.4',
  '5': 'keys.state.5',
};

const MAX_OPTIONS = 200;

export interface KeyPickerProps {
  value: string;
  onChange: (keyId: string) => void;
  onBlur?: () => void;
  lookup: KeyLookup;
  label: string;
  /** Encoded or plain error message from the form. */
  error?: string;
  required?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  /** Which keys can be chosen (default: those that can encrypt now). */
  availability?: KeyAvailabilityRule;
}

/**
 * The `Key ID` field, an ARIA 1.2 editable combobox: free text (an unlisted key id is accepted
 * as typed) with a list of every key, its alias, spec and state. Keys that cannot encrypt are
 * listed but disabled, each saying why.
 */
export function KeyPicker({
  value,
  onChange,
  onBlur,
  lookup,
  label,
  error,
  required,
  inputRef,
  availability: availabilityOf = keyAvailability,
}: KeyPickerProps) {
  const { t, tm } = useI18n();
  const listboxId = useId();
  const optionIdPrefix = useId();
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);

  const sorted = useMemo(
    () => sortKeys(lookup.keys, availabilityOf),
    [lookup.keys, availabilityOf],
  );
  // A complete listed key id in the box means "this key": list everything to pick another.
  const search = sorted.some((key) => key.key_id === value) ? '' : value;
  const options = useMemo(
    () => sorted.filter((key) => keyMatches(key, search)).slice(0, MAX_OPTIONS),
    [sorted, search],
  );
  const expanded = open && options.length > 0;

  const stateLabel = (key: KeyDetails) => t(STATE_KEYS[key.key_state]);

  let description: ReactNode;
  if (lookup.key) {
    // The chosen key by its name and spec, not only the UUID in the box.
    const availability = availabilityOf(lookup.key);
    description = (
      <>
        <Text span size="sm" fw={700} c="var(--mantine-color-text)">
          {lookup.key.key_alias || t('keys.noAlias')}
        </Text>
        {` · ${lookup.key.key_spec} · ${stateLabel(lookup.key)}`}
        {!availability.usable && ` — ${t(REASON_KEYS[availability.reason])}`}
      </>
    );
  } else if (lookup.listLoading) {
    description = t('keys.loading');
  } else if (lookup.listError) {
    description = t('keys.listFailed');
  } else if (lookup.describing) {
    description = t('keys.lookingUp');
  } else if (KEY_ID_PATTERN.test(value)) {
    description = t('keys.unlisted');
  } else {
    description = t('keys.hint', { count: lookup.keys.length });
  }

  const optionId = (index: number) => `${optionIdPrefix}-option-${index}`;

  const moveActive = (next: number) => {
    setActiveIndex(next);
    document.getElementById(optionId(next))?.scrollIntoView({ block: 'nearest' });
  };

  const choose = (key: KeyDetails) => {
    if (!availabilityOf(key).usable) return;
    onChange(key.key_id);
    setOpen(false);
    setActiveIndex(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) setOpen(true);
        if (options.length > 0) moveActive(Math.min(activeIndex + 1, options.length - 1));
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (options.length > 0) moveActive(Math.max(activeIndex - 1, 0));
        break;
      case 'Enter': {
        const active = expanded ? options[activeIndex] : undefined;
        if (active) {
          // Enter picks the highlighted key instead of submitting the form.
          event.preventDefault();
          choose(active);
        }
        break;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          setOpen(false);
          setActiveIndex(-1);
        }
        break;
      default:
        break;
    }
  };

  return (
    <div className={classes.wrapper}>
      <TextInput
        ref={inputRef}
        label={label}
        required={required}
        value={value}
        placeholder={t('keys.placeholder')}
        description={description}
        inputWrapperOrder={['label', 'input', 'description', 'error']}
        error={error ? tm(error) : undefined}
        autoComplete="off"
        spellCheck={false}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listboxId}
        aria-activedescendant={expanded && activeIndex >= 0 ? optionId(activeIndex) : undefined}
        onChange={(event) => {
          onChange(normalizeKeyInput(event.currentTarget.value));
          setOpen(true);
          setActiveIndex(-1);
        }}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setOpen(false);
          setActiveIndex(-1);
          // An alias typed in full names its key: leaving the field chooses it.
          const named = keyNamedBy(value, lookup.keys);
          if (named) onChange(named.key_id);
          onBlur?.();
        }}
      />
      <div
        id={listboxId}
        role="listbox"
        aria-label={t('keys.listLabel')}
        className={classes.listbox}
        hidden={!expanded}
      >
        {expanded &&
          options.map((key, index) => {
            const availability = availabilityOf(key);
            return (
              <div
                key={key.key_id}
                id={optionId(index)}
                role="option"
                aria-selected={key.key_id === value}
                aria-disabled={!availability.usable}
                data-active={index === activeIndex || undefined}
                className={classes.option}
                // Keep focus in the input: the list is part of the field.
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(key)}
              >
                <div className={classes.row}>
                  <span className={classes.alias}>{key.key_alias || t('keys.noAlias')}</span>
                  <Group gap={4} wrap="nowrap">
                    <Badge size="sm" variant="outline" color="gray">
                      {key.key_spec}
                    </Badge>
                    <Text
                      span
                      size="xs"
                      fw={600}
                      className={availability.usable ? tone.success : undefined}
                    >
                      {stateLabel(key)}
                    </Text>
                  </Group>
                </div>
                <span className={classes.keyId}>{key.key_id}</span>
                {!availability.usable && (
                  <Text size="xs" className={tone.warning}>
                    {t(REASON_KEYS[availability.reason])}
                  </Text>
                )}
              </div>
            );
          })}
      </div>
    </div>
  );
}
