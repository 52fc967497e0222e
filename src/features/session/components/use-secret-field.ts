import { useState, type FormEvent } from 'react';

/**
 * A pasted secret (access token, IAM token) and the submit that refuses it blank, so the field
 * can say so, else hands it on. `clear` empties the field: the secret is not kept in the form.
 */
export function useSecretField(
  requiredMessage: string,
  submit: (secret: string, clear: () => void) => void,
) {
  const [secret, setSecret] = useState('');
  const [missing, setMissing] = useState(false);
  const clear = () => setSecret('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissing(secret.trim() === '');
    if (secret.trim() !== '') submit(secret, clear);
  };
  return {
    onSubmit,
    inputProps: {
      error: missing ? requiredMessage : undefined,
      value: secret,
      onChange: (event: { currentTarget: { value: string } }) =>
        setSecret(event.currentTarget.value),
    },
  };
}
