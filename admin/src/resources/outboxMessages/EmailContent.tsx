import DownloadIcon from '@mui/icons-material/Download';
import VisibilityIcon from '@mui/icons-material/Visibility';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import { Box, Button, List, ListItem, ListItemText, Stack, Tab, Tabs } from '@mui/material';
import { useEffect, useId, useState } from 'react';
import { useTranslate } from 'react-admin';
import type { EmailAttachment } from './documents';

type Part = 'html' | 'text' | 'attachments';

/**
 * A file of the e-mail: a download made in the browser (a Blob; nothing is fetched again) and its
 * text shown in place, since the calendar files (.ics) are what staff check most.
 */
const Attachment = ({ attachment }: { attachment: EmailAttachment }) => {
  const translate = useTranslate();
  const [url, setUrl] = useState<string | null>(null);
  const [shown, setShown] = useState(false);
  const contentId = useId();

  useEffect(() => {
    const blobUrl = URL.createObjectURL(new Blob([attachment.content], { type: attachment.contentType }));
    setUrl(blobUrl);
    return () => URL.revokeObjectURL(blobUrl);
  }, [attachment.content, attachment.contentType]);

  return (
    <ListItem divider sx={{ display: 'block' }}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
        <ListItemText primary={attachment.filename} secondary={attachment.contentType} sx={{ flex: 1 }} />
        <Button
          component="a"
          href={url ?? undefined}
          download={attachment.filename}
          startIcon={<DownloadIcon />}
          aria-label={translate('mps.email.download', { filename: attachment.filename })}
        >
          {translate('mps.email.downloadShort')}
        </Button>
        <Button
          startIcon={shown ? <VisibilityOffIcon /> : <VisibilityIcon />}
          aria-expanded={shown}
          aria-controls={contentId}
          aria-label={translate(shown ? 'mps.email.hideContent' : 'mps.email.showContent', { filename: attachment.filename })}
          onClick={() => setShown((value) => !value)}
        >
          {translate(shown ? 'mps.email.hideContentShort' : 'mps.email.showContentShort')}
        </Button>
      </Stack>
      {shown ? (
        <Box
          component="pre"
          id={contentId}
          aria-label={translate('mps.email.attachmentContent', { filename: attachment.filename })}
          sx={{ m: 0, mt: 1, p: 1.5, bgcolor: 'action.hover', borderRadius: 1, overflow: 'auto', maxHeight: 400, fontSize: 13 }}
        >
          {attachment.content}
        </Box>
      ) : null}
    </ListItem>
  );
};

interface Props {
  subject: string;
  html: string;
  text: string;
  attachments?: EmailAttachment[];
}

/**
 * The parts of an e-mail on tabs. The HTML is shown in an iframe sandboxed with no permissions at
 * all: no scripts, no forms, no access to the console's origin or its session cookie.
 */
export const EmailContent = ({ subject, html, text, attachments = [] }: Props) => {
  const translate = useTranslate();
  const [part, setPart] = useState<Part>('html');
  const id = useId();
  const tab = (value: Part, label: string) => <Tab value={value} label={label} id={`${id}-${value}-tab`} aria-controls={`${id}-${value}-panel`} />;
  const panel = { role: 'tabpanel', id: `${id}-${part}-panel`, 'aria-labelledby': `${id}-${part}-tab` };

  return (
    <Box sx={{ width: '100%' }}>
      <Tabs
        value={part}
        onChange={(_event, value: Part) => setPart(value)}
        aria-label={translate('mps.email.parts')}
        sx={{ borderBottom: 1, borderColor: 'divider' }}
      >
        {tab('html', translate('mps.email.html'))}
        {tab('text', translate('mps.email.text'))}
        {attachments.length > 0 ? tab('attachments', translate('mps.email.attachments', { smart_count: attachments.length })) : null}
      </Tabs>
      <Box {...panel} sx={{ pt: 2 }}>
        {part === 'html' ? (
          <Box
            component="iframe"
            sandbox=""
            srcDoc={html}
            referrerPolicy="no-referrer"
            title={translate('mps.email.htmlFrame', { subject })}
            sx={{ width: '100%', height: 640, border: 1, borderColor: 'divider', borderRadius: 1, bgcolor: '#fff' }}
          />
        ) : null}
        {part === 'text' ? (
          <Box component="pre" sx={{ m: 0, p: 2, bgcolor: 'action.hover', borderRadius: 1, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontSize: 14 }}>
            {text}
          </Box>
        ) : null}
        {part === 'attachments' ? (
          <List disablePadding>
            {attachments.map((attachment, index) => (
              <Attachment key={`${index}-${attachment.filename}`} attachment={attachment} />
            ))}
          </List>
        ) : null}
      </Box>
    </Box>
  );
};
