import type { ErrorLike } from '@apollo/client';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage';
import { useFormat } from '../format';
import { graphql } from '../gql';
import type { InvoiceFileFormat } from '../gql/graphql';
import { SECTIONS, headingIdOf } from './sections';

const MyInvoicesQuery = graphql(`
  query MyInvoices {
    myInvoices {
      id
      type
      status
      number
      totalCents
      issueDate
      dueDate
      group {
        id
        code
      }
    }
  }
`);

const InvoiceFileQuery = graphql(`
  query MyInvoiceFile($id: ID!, $format: InvoiceFileFormat!) {
    invoiceFile(id: $id, format: $format) {
      filename
      contentType
      base64
    }
  }
`);

/** Saves a file the API sent base64-encoded. */
function save(file: { filename: string; contentType: string; base64: string }) {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.filename;
  link.click();
  URL.revokeObjectURL(url);
}

/** "Mani rēķini": invoices and credit notes made out to the person as a private payer (R-FIN-1), to download. */
export function Invoices() {
  const { t } = useTranslation();
  const format = useFormat();
  const client = useApolloClient();
  const { data, error } = useQuery(MyInvoicesQuery, { fetchPolicy: 'cache-and-network' });
  const [failed, setFailed] = useState<ErrorLike | undefined>(undefined);
  const download = async (id: string, fileFormat: InvoiceFileFormat) => {
    setFailed(undefined);
    const result = await client.query({ query: InvoiceFileQuery, variables: { id, format: fileFormat }, fetchPolicy: 'network-only' });
    if (result.error || !result.data) setFailed(result.error ?? new Error('No file'));
    else save(result.data.invoiceFile);
  };
  const invoices = data?.myInvoices ?? [];
  return (
    <section className="panel" id={SECTIONS.invoices} aria-labelledby={headingIdOf('invoices')} data-testid="profile-invoices">
      <h2 id={headingIdOf('invoices')}>{t('profile.invoices.heading')}</h2>
      {error && <ErrorMessage error={error} />}
      {failed && <ErrorMessage error={failed} />}
      {invoices.length === 0 ? (
        <div className="empty-state empty-state-left">
          <p className="notice-title">{t('profile.invoices.empty')}</p>
        </div>
      ) : (
        <ul className="record-list">
          {invoices.map((invoice) => (
            <li key={invoice.id} className="record">
              <h3 className="record-title">
                {t(invoice.type === 'CREDIT_NOTE' ? 'profile.invoices.creditNote' : 'profile.invoices.invoice', { number: invoice.number })}
              </h3>
              <dl className="facts facts-inline">
                <div>
                  <dt>{t('profile.invoices.group')}</dt>
                  <dd>{invoice.group?.code}</dd>
                </div>
                <div>
                  <dt>{t('profile.invoices.total')}</dt>
                  <dd className="tabular">{format.price(invoice.totalCents)}</dd>
                </div>
                {invoice.issueDate && (
                  <div>
                    <dt>{t('profile.invoices.issued')}</dt>
                    <dd>
                      <time dateTime={invoice.issueDate}>{format.date(`${invoice.issueDate}T12:00:00Z`)}</time>
                    </dd>
                  </div>
                )}
                <div>
                  <dt>{t('profile.invoices.status')}</dt>
                  <dd>{t(`profile.invoices.statuses.${invoice.status}`)}</dd>
                </div>
              </dl>
              <p>
                <button type="button" className="button button-secondary" onClick={() => void download(invoice.id, 'PDF')}>
                  {t('profile.invoices.pdf', { number: invoice.number })}
                </button>{' '}
                <button type="button" className="button button-secondary" onClick={() => void download(invoice.id, 'UBL')}>
                  {t('profile.invoices.xml', { number: invoice.number })}
                </button>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
