import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Button, Card, CardContent, LinearProgress, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { HttpError, Title, useDataProvider, useNotify, useTranslate } from 'react-admin';
import { useRigaTime } from '../../components/fields';
import type { ConsoleDataProvider } from '../../data/dataProvider';
import { useConsoleQuery } from '../../data/useConsoleQuery';
import { helpSettingsApi, type HelpSettings } from './documents';

/** Staff set the portal help page's video link (R-SUP-2): an https address, or nothing to hide the link. */
export const HelpSettingsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const rigaTime = useRigaTime();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const { data, error, isPending } = useConsoleQuery<HelpSettings>('helpSettings', 'current');
  const [saved, setSaved] = useState<HelpSettings | null>(null);
  const [videoUrl, setVideoUrl] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const current = saved ?? data;

  // The form starts from what is stored, once it has arrived.
  useEffect(() => {
    if (data) setVideoUrl(data.videoUrl ?? '');
  }, [data]);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setProblem(null);
    try {
      const { data: answer } = await dataProvider.runMutation('helpSettings', {
        mutation: 'update',
        variables: { input: helpSettingsApi.toInput({ videoUrl }) },
      });
      const settings = answer as HelpSettings;
      setSaved(settings);
      setVideoUrl(settings.videoUrl ?? '');
      notify('mps.helpSettings.saved', { type: 'info' });
    } catch (failure) {
      const body = failure instanceof HttpError ? (failure.body as { errors?: Record<string, string> } | undefined) : undefined;
      setProblem(body?.errors?.videoUrl ?? (failure instanceof Error ? failure.message : translate('mps.errors.INTERNAL_SERVER_ERROR')));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }} data-testid="help-settings">
      <Title title="mps.helpSettings.title" />
      <CardContent>
        <Typography sx={{ mb: 2 }}>{translate('mps.helpSettings.intro')}</Typography>
        {error ? <Alert severity="error">{error.message}</Alert> : null}
        {isPending ? <LinearProgress aria-label={translate('ra.page.loading')} /> : null}
        {data ? (
          <Box component="form" onSubmit={(event) => void save(event)} noValidate sx={{ maxWidth: 640 }}>
            <TextField
              fullWidth
              id="help-video-url"
              type="url"
              label={translate('resources.helpSettings.fields.videoUrl')}
              value={videoUrl}
              onChange={(event) => setVideoUrl(event.target.value)}
              error={!!problem}
              helperText={problem ?? translate('mps.helpSettings.videoUrlHint')}
              inputProps={{ 'data-testid': 'help-video-url' }}
            />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }} data-testid="help-settings-updated">
              {current?.updatedAt ? translate('mps.helpSettings.updatedAt', { time: rigaTime(current.updatedAt) }) : translate('mps.helpSettings.neverUpdated')}
            </Typography>
            <Button type="submit" variant="contained" startIcon={<SaveIcon />} disabled={saving} sx={{ mt: 2 }}>
              {translate('ra.action.save')}
            </Button>
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
};
