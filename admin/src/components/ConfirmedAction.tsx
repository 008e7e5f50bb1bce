import { useState, type MouseEvent, type ReactElement } from 'react';
import { Button, Confirm, useDataProvider, useNotify, useRefresh } from 'react-admin';
import type { ConsoleDataProvider } from '../data/dataProvider';
import type { Values } from '../data/resourceApi';

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
}

/**
 * A button that runs one of a resource's actions after a confirmation, then refreshes the page.
 * Clicks stop here: in a table row they would otherwise also open the row (the dialog's too,
 * since React events bubble through portals).
 */
export const ConfirmedAction = ({ resource, action, id, variables, label, icon, title, content, messageArgs, done, color = 'primary' }: Props) => {
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const stop = (event: MouseEvent) => event.stopPropagation();

  const run = async () => {
    setPending(true);
    try {
      await dataProvider.runAction(resource, { action, id, variables });
      notify(done, { type: 'info', messageArgs });
      refresh();
    } catch (error) {
      // The dataProvider's errors are already translated.
      notify(error instanceof Error ? error.message : 'mps.errors.INTERNAL_SERVER_ERROR', { type: 'error' });
    } finally {
      setPending(false);
      setOpen(false);
    }
  };

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
        content={content}
        contentTranslateOptions={messageArgs}
        confirm={label}
        confirmColor={color === 'error' ? 'warning' : 'primary'}
        onConfirm={run}
        onClose={() => setOpen(false)}
      />
    </span>
  );
};
