import { Alert, Card, CardContent, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Title, useGetOne, useTranslate } from 'react-admin';
import { useConsoleQuery } from '../../data/useConsoleQuery';

interface Result {
  id: string;
  testTitle: string;
  personName: string;
  groupCode: string;
  attempts: number;
  bestScore: number | null;
  maxScore: number | null;
  passed: boolean | null;
}

/** What the console's URL names: `#/knowledgeTestResults?testId=…` or `?groupId=…`. */
const fromUrl = (): { testId?: string; groupId?: string } => {
  const params = new URLSearchParams(window.location.hash.split('?')[1] ?? '');
  return { ...(params.get('testId') && { testId: params.get('testId')! }), ...(params.get('groupId') && { groupId: params.get('groupId')! }) };
};

/** Per invited person of a test or a group: attempts, the best score and whether it passed (R-AFT-4). */
export const KnowledgeTestResults = () => {
  const translate = useTranslate();
  const filter = fromUrl();
  const chosen = !!filter.testId || !!filter.groupId;
  const { data: test } = useGetOne('knowledgeTests', { id: filter.testId ?? '' }, { enabled: !!filter.testId });
  const { data: group } = useGetOne('groups', { id: filter.groupId ?? '' }, { enabled: !!filter.groupId });
  const { data, error, isPending } = useConsoleQuery<{ total: number; items: Result[] }>('knowledgeTests', 'results', { filter }, { enabled: chosen });
  const subject = test ? String(test.titleLv) : group ? String(group.code) : '';
  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('resources.knowledgeTestResults.name', { smart_count: 2 })} />
      <CardContent>
        <Typography variant="h5" component="h2" gutterBottom>
          {subject ? translate('mps.knowledgeTests.resultsOf', { subject }) : translate('resources.knowledgeTestResults.name', { smart_count: 2 })}
        </Typography>
        {!chosen && <Alert severity="info">{translate('mps.knowledgeTests.chooseResults')}</Alert>}
        {error && <Alert severity="error">{error.message}</Alert>}
        {chosen && !isPending && data && data.items.length === 0 && <Alert severity="info">{translate('mps.knowledgeTests.noResults')}</Alert>}
        {data && data.items.length > 0 && (
          <Table size="small" data-testid="knowledge-test-results">
            <caption style={{ captionSide: 'top', textAlign: 'left', padding: 0 }}>
              {translate('mps.knowledgeTests.resultsCaption', { smart_count: data.total })}
            </caption>
            <TableHead>
              <TableRow>
                <TableCell>{translate('mps.knowledgeTests.person')}</TableCell>
                <TableCell>{translate('mps.knowledgeTests.group')}</TableCell>
                <TableCell>{translate('mps.knowledgeTests.test')}</TableCell>
                <TableCell align="right">{translate('mps.knowledgeTests.attempts')}</TableCell>
                <TableCell align="right">{translate('mps.knowledgeTests.bestScore')}</TableCell>
                <TableCell>{translate('mps.knowledgeTests.outcome')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {data.items.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{r.personName}</TableCell>
                  <TableCell>{r.groupCode}</TableCell>
                  <TableCell>{r.testTitle}</TableCell>
                  <TableCell align="right">{r.attempts}</TableCell>
                  <TableCell align="right">{r.bestScore === null ? '—' : `${r.bestScore} / ${r.maxScore}`}</TableCell>
                  <TableCell>
                    {r.passed === null
                      ? translate('mps.knowledgeTests.notTaken')
                      : r.passed
                        ? translate('mps.knowledgeTests.passed')
                        : translate('mps.knowledgeTests.failed')}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
    </Card>
  );
};
