import PersonAddIcon from '@mui/icons-material/PersonAdd';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import { Box, Button, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useState, type KeyboardEvent } from 'react';
import { HttpError, useDataProvider, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { ConfirmedAction } from '../../components/ConfirmedAction';
import type { ConsoleDataProvider } from '../../data/dataProvider';
import { maxLength, personalCode, required } from '../../validation';

type Field = 'personalCode' | 'givenName' | 'familyName';
const FIELDS: Field[] = ['personalCode', 'givenName', 'familyName'];
const RULES = {
  personalCode: [required(), personalCode()],
  givenName: [required(), maxLength(100)],
  familyName: [required(), maxLength(100)],
};

interface Coordinator {
  id: string;
  fullName: string;
  personalCode: string | null;
}

/**
 * An institution's coordinators, and appointing one by personal code and name (the person need
 * not have signed in yet). Plain inputs, not a form: this sits inside the institution's form.
 */
export const InstitutionCoordinators = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<ConsoleDataProvider>();
  const [values, setValues] = useState<Record<Field, string>>({ personalCode: '', givenName: '', familyName: '' });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [pending, setPending] = useState(false);
  if (!record) return null;
  const coordinators = (record.coordinators ?? []) as Coordinator[];

  const text = (result: unknown) =>
    typeof result === 'string'
      ? translate(result)
      : result
        ? translate((result as { message: string }).message, (result as { args?: object }).args)
        : undefined;

  const appoint = async () => {
    const found: Partial<Record<Field, string>> = {};
    for (const field of FIELDS) {
      for (const rule of RULES[field]) {
        const problem = text(rule(values[field], values, {}));
        if (problem) {
          found[field] = problem;
          break;
        }
      }
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    setPending(true);
    try {
      await dataProvider.runAction('institutions', { action: 'appointCoordinator', id: record.id, variables: values });
      notify('mps.coordinators.appointed', { type: 'info', messageArgs: { name: `${values.givenName} ${values.familyName}` } });
      setValues({ personalCode: '', givenName: '', familyName: '' });
      refresh();
    } catch (error) {
      const body = error instanceof HttpError ? (error.body as { code?: string; errors?: Partial<Record<Field, string>> }) : undefined;
      if (body?.code === 'ALREADY_EXISTS') setErrors({ personalCode: translate('mps.coordinators.alreadyCoordinator') });
      else if (body?.errors) setErrors(body.errors);
      notify(error instanceof Error ? error.message : 'mps.errors.INTERNAL_SERVER_ERROR', { type: 'error' });
    } finally {
      setPending(false);
    }
  };

  // Enter would submit the institution's form around us.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void appoint();
  };

  return (
    <Box sx={{ width: '100%', maxWidth: 960 }}>
      {coordinators.length === 0 ? (
        <Typography sx={{ my: 2 }}>{translate('mps.coordinators.none')}</Typography>
      ) : (
        <Table size="small" aria-label={translate('mps.tabs.coordinators')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('mps.coordinators.name')}</TableCell>
              <TableCell>{translate('mps.coordinators.personalCode')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {coordinators.map((coordinator) => (
              <TableRow key={coordinator.id}>
                <TableCell>{coordinator.fullName}</TableCell>
                <TableCell>{coordinator.personalCode ?? ''}</TableCell>
                <TableCell align="right">
                  <ConfirmedAction
                    resource="institutions"
                    action="removeCoordinator"
                    id={String(record.id)}
                    variables={{ personId: coordinator.id }}
                    label="mps.coordinators.remove"
                    icon={<PersonRemoveIcon />}
                    title="mps.coordinators.removeTitle"
                    content="mps.coordinators.removeContent"
                    messageArgs={{ name: coordinator.fullName }}
                    done="mps.coordinators.removed"
                    color="error"
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Typography variant="h6" component="h2" sx={{ mt: 3, mb: 1 }}>
        {translate('mps.coordinators.appointTitle')}
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        {translate('mps.coordinators.appointHelp')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems="flex-start">
        {FIELDS.map((field) => (
          <TextField
            key={field}
            id={`appoint-${field}`}
            label={translate(`mps.coordinators.${field}`)}
            value={values[field]}
            onChange={(event) => setValues({ ...values, [field]: event.target.value })}
            onKeyDown={onKeyDown}
            error={!!errors[field]}
            helperText={errors[field] ?? ' '}
            required
            size="small"
          />
        ))}
        <Button variant="contained" startIcon={<PersonAddIcon />} onClick={() => void appoint()} disabled={pending} sx={{ flexShrink: 0 }}>
          {translate('mps.coordinators.appoint')}
        </Button>
      </Stack>
    </Box>
  );
};
