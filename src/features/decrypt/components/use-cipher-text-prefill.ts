import { useEffect, useRef, useState } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import { cipherTextSchema } from '../../../shared/kms';
import { contextToPairs } from '../../../components';
import { normalizeCipherText, type DecryptFormValues } from '../model/decrypt-form';
import { keyIdInCipherText, type FindInHistory } from '../model/decrypt-prefill';

/** Where the key fields' values came from, for the note under the ciphertext. */
export type FilledFrom =
  | { source: 'history'; createdAt?: string }
  | { source: 'cipherText'; keyId: string }
  | { source: 'nothing' };

/**
 * Fills key, algorithm and context from what the console knows of a ciphertext as it is pasted:
 * its history entry (everything decrypting needs), else the key a symmetric ciphertext names
 * in its header. A ciphertext that names nothing is reported too: it is most likely asymmetric.
 */
export function useCipherTextPrefill(
  form: UseFormReturn<DecryptFormValues>,
  findInHistory: FindInHistory | undefined,
  initiallyFilledFrom: FilledFrom | undefined,
): FilledFrom | undefined {
  const { control, setValue } = form;
  const cipherText = useWatch({ control, name: 'cipherText' });
  const [filledFrom, setFilledFrom] = useState(initiallyFilledFrom);
  // The ciphertext the fields were last filled for: the form's own start is left as given.
  const filledFor = useRef(normalizeCipherText(form.getValues('cipherText')));

  useEffect(() => {
    const normalized = normalizeCipherText(cipherText);
    if (normalized === filledFor.current) return;
    filledFor.current = normalized;
    if (!cipherTextSchema.safeParse(normalized).success) {
      setFilledFrom(undefined);
      return;
    }
    const entry = findInHistory?.(normalized);
    if (entry) {
      setValue('keyId', entry.keyId);
      setValue('algorithm', entry.algorithm);
      setValue('contextPairs', contextToPairs(entry.encryptionContext));
      setFilledFrom({ source: 'history', createdAt: entry.createdAt });
      return;
    }
    const keyId = keyIdInCipherText(normalized);
    if (keyId) {
      setValue('keyId', keyId);
      setValue('algorithm', '');
      setFilledFrom({ source: 'cipherText', keyId });
    } else {
      setFilledFrom({ source: 'nothing' });
    }
  }, [cipherText, findInHistory, setValue]);

  return filledFrom;
}
