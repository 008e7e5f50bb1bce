import { Alert, Box, Chip, Stack, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { AutocompleteInput, DataTable, List, ReferenceInput, SearchInput, SelectField, SelectInput, useListContext, useTranslate } from 'react-admin';
import { NOTIFICATION_KIND_CHOICES, OUTBOX_STATUS_CHOICES } from '../../components/choices';
import { DateTimeField } from '../../components/fields';
import { useConsoleQuery } from '../../data/useConsoleQuery';
import { IN_FLIGHT, type MailSettings, type OutboxStatusCount } from './documents';
import { OutboxStatusChip, RecipientField, STATUS_COLOR } from './fields';

/** While a message is on its way, how often the mailbox looks again; otherwise, now and then for new mail. */
export const BUSY_REFRESH_MS = 3_000;
const IDLE_REFRESH_MS = 15_000;

const inFlight = (counts: OutboxStatusCount[] | undefined) => (counts ?? []).some((c) => IN_FLIGHT.includes(c.status) && c.count > 0);

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={OUTBOX_STATUS_CHOICES} alwaysOn sx={{ minWidth: 200 }} />,
  <SelectInput key="kind" source="kind" choices={NOTIFICATION_KIND_CHOICES} alwaysOn sx={{ minWidth: 240 }} />,
  <ReferenceInput key="groupId" source="groupId" reference="groups">
    <AutocompleteInput sx={{ minWidth: 260 }} />
  </ReferenceInput>,
];

/**
 * Above the list: whether mail really leaves, and how many messages are in each status (a click
 * filters by it). When the counts change the list is read again, so new and delivered messages show.
 */
const OutboxOverview = ({ counts }: { counts: OutboxStatusCount[] | undefined }) => {
  const translate = useTranslate();
  const { filterValues, setFilters, refetch } = useListContext();
  const { data: settings } = useConsoleQuery<MailSettings>('outboxMessages', 'mailSettings');

  const countsKey = counts ? JSON.stringify(counts) : null;
  const previousKey = useRef(countsKey);
  useEffect(() => {
    if (previousKey.current && countsKey && previousKey.current !== countsKey) void refetch(); // failures show in the list's state, refetch does not reject
    previousKey.current = countsKey;
  }, [countsKey, refetch]);

  const selected = filterValues.status as string | undefined;
  const choose = (status: string) => {
    const { status: _current, ...others } = filterValues;
    setFilters(selected === status ? others : { ...others, status });
  };

  return (
    <Box sx={{ p: 2, pb: 1 }}>
      {settings?.mailbox ? (
        <Alert severity="info" sx={{ mb: 2 }}>
          {translate('mps.outbox.mailboxMode')}
        </Alert>
      ) : null}
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' } }}>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} role="group" aria-label={translate('mps.outbox.counts')}>
          {OUTBOX_STATUS_CHOICES.map(({ id }) => {
            const count = counts?.find((c) => c.status === id)?.count;
            return (
              <Chip
                key={id}
                color={STATUS_COLOR[id as keyof typeof STATUS_COLOR]}
                variant={selected === id ? 'filled' : 'outlined'}
                aria-pressed={selected === id}
                label={`${translate(`mps.enums.OutboxStatus.${id}`)}: ${count ?? '…'}`}
                onClick={() => choose(id)}
              />
            );
          })}
        </Stack>
        {settings ? (
          <Typography variant="body2" color="text.secondary">
            {translate('mps.outbox.from', { from: settings.from })}
          </Typography>
        ) : null}
      </Stack>
    </Box>
  );
};

/** Newest first, as the API lists them. Reads itself again every few seconds while mail is on its way. */
export const OutboxList = () => {
  const { data: counts } = useConsoleQuery<OutboxStatusCount[]>(
    'outboxMessages',
    'statusCounts',
    {},
    {
      refetchInterval: (answer) => (inFlight(answer) ? BUSY_REFRESH_MS : IDLE_REFRESH_MS),
    },
  );
  return (
    <List filters={filters} perPage={25} exporter={false} empty={false} queryOptions={{ refetchInterval: inFlight(counts) ? BUSY_REFRESH_MS : false }}>
      <OutboxOverview counts={counts} />
      <DataTable rowClick="show" bulkActionButtons={false}>
        <DataTable.Col source="status" disableSort>
          <OutboxStatusChip />
        </DataTable.Col>
        <DataTable.Col source="toName" disableSort>
          <RecipientField />
        </DataTable.Col>
        <DataTable.Col source="kind" disableSort cellSx={() => ({ whiteSpace: 'nowrap' })}>
          <SelectField source="kind" choices={NOTIFICATION_KIND_CHOICES} />
        </DataTable.Col>
        <DataTable.Col source="subject" disableSort />
        <DataTable.Col source="attempts" disableSort align="right" />
        <DataTable.Col source="createdAt" disableSort cellSx={() => ({ whiteSpace: 'nowrap' })}>
          <DateTimeField source="createdAt" />
        </DataTable.Col>
        <DataTable.Col source="sentAt" disableSort cellSx={() => ({ whiteSpace: 'nowrap' })}>
          <DateTimeField source="sentAt" />
        </DataTable.Col>
        <DataTable.Col
          source="lastError"
          disableSort
          cellSx={() => ({ maxWidth: 260, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' })}
          render={(message) => (message.lastError ? <span title={message.lastError}>{message.lastError}</span> : '')}
        />
      </DataTable>
    </List>
  );
};
