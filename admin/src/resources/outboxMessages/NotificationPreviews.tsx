import { Alert, Box, Card, CardContent, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { EMAIL_LANGUAGE_CHOICES, NOTIFICATION_KIND_CHOICES } from '../../components/choices';
import { useConsoleQuery } from '../../data/useConsoleQuery';
import { EmailContent } from './EmailContent';
import type { EmailPreview } from './documents';

/** Each kind of e-mail rendered from its template with sample data, in either language. */
export const NotificationPreviews = () => {
  const translate = useTranslate();
  const [kind, setKind] = useState(NOTIFICATION_KIND_CHOICES[0].id);
  const [language, setLanguage] = useState(EMAIL_LANGUAGE_CHOICES[0].id);
  const { data: preview, error, isPending } = useConsoleQuery<EmailPreview>('outboxMessages', 'preview', { kind, language });

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="mps.previews.title" />
      <CardContent>
        <Typography sx={{ mb: 2 }}>{translate('mps.previews.intro')}</Typography>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
          <TextField select label={translate('mps.previews.kind')} value={kind} onChange={(event) => setKind(event.target.value)} sx={{ minWidth: 280 }}>
            {NOTIFICATION_KIND_CHOICES.map((choice) => (
              <MenuItem key={choice.id} value={choice.id}>
                {translate(choice.name)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={translate('mps.previews.language')}
            value={language}
            onChange={(event) => setLanguage(event.target.value)}
            sx={{ minWidth: 180 }}
          >
            {EMAIL_LANGUAGE_CHOICES.map((choice) => (
              <MenuItem key={choice.id} value={choice.id}>
                {translate(choice.name)}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
        {error ? <Alert severity="error">{error.message}</Alert> : null}
        {isPending ? <LinearProgress aria-label={translate('ra.page.loading')} /> : null}
        {preview ? (
          <Box>
            <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
              <Box component="span" sx={{ color: 'text.secondary', fontWeight: 'normal' }}>
                {translate('resources.outboxMessages.fields.subject')}:{' '}
              </Box>
              {preview.subject}
            </Typography>
            <EmailContent subject={preview.subject} html={preview.html} text={preview.text} />
          </Box>
        ) : null}
      </CardContent>
    </Card>
  );
};
