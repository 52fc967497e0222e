import tone from './tone.module.css';

/**
 * Props for a red outline or subtle Button whose text keeps 4.5:1 contrast in both colour
 * schemes: Mantine's `vars` override its own colour variables.
 */
export const dangerButtonProps = {
  className: tone.dangerButton,
  vars: () => ({
    root: {
      '--button-color': 'var(--kms-danger)',
      '--button-bd': '1px solid var(--kms-danger)',
    },
  }),
} as const;
