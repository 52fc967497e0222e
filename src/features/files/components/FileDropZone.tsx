import { Text } from '@mantine/core';
import { useId, useState, type DragEvent } from 'react';
import { formatByteSize } from '../model/file-names';
import classes from './files.module.css';
import { useFileText } from './use-file-text';

export interface FileDropZoneProps {
  label: string;
  hint: string;
  file: File | undefined;
  onFile: (file: File | undefined) => void;
  error?: string;
  disabled?: boolean;
}

/**
 * A native file input (labelled, keyboard-usable, what assistive tech and tests find) inside
 * an area that also takes a dropped file.
 */
export function FileDropZone({ label, hint, file, onFile, error, disabled }: FileDropZoneProps) {
  const ft = useFileText();
  const id = useId();
  const [dragging, setDragging] = useState(false);

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    if (disabled) return;
    const dropped = event.dataTransfer.files[0];
    if (dropped) onFile(dropped);
  };

  return (
    <div
      className={classes.dropZone}
      data-dragging={dragging}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label htmlFor={id} className={classes.fileLabel}>
        {label}
      </label>
      <input
        id={id}
        type="file"
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        aria-invalid={error ? true : undefined}
        onChange={(event) => onFile(event.currentTarget.files?.[0])}
      />
      <Text id={`${id}-hint`} size="sm" c="dimmed">
        {file ? ft('fileMode.chosen', { name: file.name, size: formatByteSize(file.size) }) : hint}
      </Text>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </div>
  );
}
