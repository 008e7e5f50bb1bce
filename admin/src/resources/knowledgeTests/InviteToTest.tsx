import QuizIcon from '@mui/icons-material/Quiz';
import { Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, FormControl, InputLabel, MenuItem, Select } from '@mui/material';
import { useId, useState } from 'react';
import { Button, useDataProvider, useGetList, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { ConsoleDataProvider } from '../../data/dataProvider';

/** "Uzaicināt uz testu" on a group's page: its confirmed participants are invited to a published test, each once. */
export const InviteToTestAction = () => {
  const group = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [open, setOpen] = useState(false);
  const [testId, setTestId] = useState('');
  const [pending, setPending] = useState(false);
  const labelId = useId();
  const titleId = useId();
  const { data: tests = [] } = useGetList('knowledgeTests', { pagination: { page: 1, perPage: 100 } }, { enabled: open });
  if (!group || group.status === 'CANCELLED') return null;
  const published = tests.filter((t) => t.publishedAt);

  const invite = async () => {
    if (!testId) return;
    setPending(true);
    try {
      const { data } = await dataProvider.runMutation('knowledgeTests', { mutation: 'inviteGroup', variables: { testId, groupId: group.id } });
      const { invited, alreadyInvited } = data as { invited: number; alreadyInvited: number };
      notify('mps.knowledgeTests.invited', { type: 'info', messageArgs: { smart_count: invited, already: alreadyInvited } });
      setOpen(false);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  return (
    <>
      <Button label="mps.knowledgeTests.invite" startIcon={<QuizIcon />} onClick={() => setOpen(true)} />
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby={titleId}>
        <DialogTitle id={titleId}>{translate('mps.knowledgeTests.inviteTitle', { code: group.code })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('mps.knowledgeTests.inviteContent')}</DialogContentText>
          <FormControl fullWidth>
            <InputLabel id={labelId}>{translate('mps.knowledgeTests.test')}</InputLabel>
            <Select labelId={labelId} label={translate('mps.knowledgeTests.test')} value={testId} onChange={(event) => setTestId(String(event.target.value))}>
              {published.map((t) => (
                <MenuItem key={t.id} value={String(t.id)}>
                  {String(t.titleLv)}
                </MenuItem>
              ))}
            </Select>
          </FormControl>
        </DialogContent>
        <DialogActions>
          <Button label="ra.action.cancel" onClick={() => setOpen(false)} />
          <Button label="mps.knowledgeTests.inviteConfirm" onClick={() => void invite()} disabled={!testId || pending} variant="contained" />
        </DialogActions>
      </Dialog>
    </>
  );
};
