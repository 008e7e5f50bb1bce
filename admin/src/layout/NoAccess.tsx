import { Box, Button, Card, CardActions, CardContent, Link, Typography } from '@mui/material';
import { useGetIdentity, useLogout, useNotify, useTranslate } from 'react-admin';

/** For a signed-in person who is neither staff nor a coordinator: say so, and offer a way out. */
export const NoAccess = () => {
  const translate = useTranslate();
  const logout = useLogout();
  const notify = useNotify();
  const { identity } = useGetIdentity();
  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', p: 2 }}>
      <Card sx={{ maxWidth: 560 }} data-testid="no-access">
        <CardContent>
          <Typography variant="h5" component="h1" gutterBottom>
            {translate('mps.noAccess.title')}
          </Typography>
          <Typography>{translate('mps.noAccess.text', { name: identity?.fullName ?? '' })}</Typography>
        </CardContent>
        <CardActions sx={{ justifyContent: 'space-between', px: 2, pb: 2 }}>
          <Link href="/">{translate('mps.noAccess.portal')}</Link>
          <Button
            variant="contained"
            onClick={() => {
              logout().catch(() => notify('mps.errors.NETWORK', { type: 'error' }));
            }}
          >
            {translate('mps.actions.signOut')}
          </Button>
        </CardActions>
      </Card>
    </Box>
  );
};
