import { Card, CardContent, Typography } from '@mui/material';
import { Title, usePermissions, useTranslate } from 'react-admin';
import { isCoordinatorOnly, isStaff } from '../auth/access';

/** What the console is for. */
export const Dashboard = () => {
  const translate = useTranslate();
  const { permissions } = usePermissions();
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="mps.dashboard.title" />
      <CardContent>
        {isStaff(permissions) ? (
          <>
            <Typography sx={{ mb: 2 }}>{translate('mps.dashboard.intro')}</Typography>
            <Typography sx={{ mb: 2 }}>{translate('mps.dashboard.catalog')}</Typography>
            <Typography>{translate('mps.dashboard.schedule')}</Typography>
          </>
        ) : isCoordinatorOnly(permissions) ? (
          <Typography>{translate('mps.dashboard.coordinator')}</Typography>
        ) : (
          <Typography>{translate('mps.dashboard.lecturer')}</Typography>
        )}
      </CardContent>
    </Card>
  );
};
