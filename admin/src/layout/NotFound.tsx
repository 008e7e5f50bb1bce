import HistoryIcon from '@mui/icons-material/History';
import { Button, Card, CardContent, Typography } from '@mui/material';
import { Title, useTranslate } from 'react-admin';

/** An unknown console address: react-admin's own page shows the untranslated default title. */
export const NotFound = () => {
  const translate = useTranslate();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="ra.page.not_found" />
      <CardContent>
        <Typography sx={{ mb: 2 }}>{translate('ra.message.not_found')}.</Typography>
        <Button variant="contained" startIcon={<HistoryIcon />} onClick={() => window.history.go(-1)}>
          {translate('ra.action.back')}
        </Button>
      </CardContent>
    </Card>
  );
};
