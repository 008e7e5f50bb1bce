import { DataTable, List, SearchInput } from 'react-admin';

/** Read-only: courses reference institutions; they are maintained elsewhere. */
export const InstitutionList = () => (
  <List filters={[<SearchInput key="q" source="q" alwaysOn />]} perPage={25} exporter={false}>
    <DataTable rowClick={false} bulkActionButtons={false}>
      <DataTable.Col source="code" disableSort />
      <DataTable.Col source="name" disableSort />
      <DataTable.Col source="registrationNumber" disableSort />
    </DataTable>
  </List>
);
