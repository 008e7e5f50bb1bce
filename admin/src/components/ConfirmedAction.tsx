import { DialogContentText, TextField } from '@mui/material';
import { useState, type MouseEvent, type ReactElement } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useRefresh, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../data/dataProvider';
import type { Values } from '../data/resourceApi';

/** A text the user may type in the confirmation (e.g. a reason), sent as one of the action's variables. */
interface TextInput {
  variable: string;
  label: string;
  helperText?: string;
  maxLength?: number;
  /** The action needs the text (e.g. the reason for a refusal): confirming without it only says so. */
  required?: boolean;
}

interface Props {
  resource: string;
  action: string;
  id: string;
  variables?: Values;
  label: string;
  icon: ReactElement;
  title: string;
  content: string;
  /** Translation options of the title and the content (e.g. a name). */
  messageArgs?: Record<string, unknown>;
  /** The notification after success. */
  done: string;
  color?: 'primary' | 'error' | 'warning';
  /** The dialog's button that does nothing, when "Cancel" would read as the action itself (cancelling a group). */
  cancelLabel?: string;
  textInput?: TextInput;
}

/**
 * A button that runs one of a resource's actions after a confirmation, then refreshes the page.
 * Clicks stop here: in a table row they would otherwise also open the row (the dialog's too,
 * since React events bubble through portals).
 */
export const ConfirmedAction = ({
  resource,
  action,
  id,
  variables,
  label,
  icon,
  title,
  content,
  messageArgs,
  done,
  color = 'primary',
  cancelLabel,
  textInput,
}: Props) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [text, setText] = useState('');
  const stop = (event: MouseEvent) => event.stopPropagation();

  const [missing, setMissing] = useState(false);

  const run = async () => {
    if (textInput?.required && !text.trim()) {
      setMissing(true);
      return;
    }
    setPending(true);
    try {
      const typed = textInput ? { [textInput.variable]: text.trim() || null } : {};
      await dataProvider.runAction(resource, { action, id, variables: { ...variables, ...typed } });
      notify(done, { type: 'info', messageArgs });
      setText('');
      refresh();
    } catch (error) {
      // The dataProvider's errors are already translated.
      notify(error instanceof Error ? error.message : 'mps.errors.INTERNAL_SERVER_ERROR', { type: 'error' });
    } finally {
      setPending(false);
      setOpen(false);
    }
  };

  const body = textInput ? (
    <>
      <DialogContentText sx={{ mb: 2 }}>{translate(content, { _: content, ...messageArgs })}</DialogContentText>
      <TextField
        label={translate(textInput.label)}
        helperText={missing ? translate('mps.validation.REQUIRED') : textInput.helperText ? translate(textInput.helperText) : undefined}
        error={missing}
        required={textInput.required}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setMissing(false);
        }}
        disabled={pending}
        multiline
        minRows={2}
        fullWidth
        slotProps={{ htmlInput: { maxLength: textInput.maxLength } }}
      />
    </>
  ) : (
    content
  );

  return (
    <span onClick={stop}>
      <Button label={label} color={color} onClick={() => setOpen(true)}>
        {icon}
      </Button>
      <Confirm
        isOpen={open}
        loading={pending}
        title={title}
        titleTranslateOptions={messageArgs}
        content={body}
        contentTranslateOptions={messageArgs}
        confirm={label}
        confirmColor={color === 'error' ? 'warning' : 'primary'}
        cancel={cancelLabel}
        onConfirm={() => void run()}
        onClose={() => setOpen(false)}
      />
    </span>
  );
};
