import { useGetList } from 'react-admin';

/** The institutions the viewer may act for (all for staff, their own for a coordinator), up to 100. */
export const useOwnInstitutions = () => useGetList('institutions', { pagination: { page: 1, perPage: 100 }, sort: { field: 'name', order: 'ASC' } });

/** A form's default institution: the only one, when the viewer has exactly one (most coordinators). */
export function useDefaultInstitutionId(): { institutionId: string | undefined; isPending: boolean } {
  const { data, total, isPending } = useOwnInstitutions();
  return { institutionId: total === 1 && data?.[0] ? String(data[0].id) : undefined, isPending };
}
