import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import { passFilters, pick, textOrEmpty, type ResourceApi } from '../../data/resourceApi';

const EU_PROJECT = graphql(`
  fragment EuProjectRow on EuProject {
    id
    code
    nameLv
    nameEn
    fund
    startsOn
    endsOn
    indicators {
      code
      nameLv
      nameEn
      target
    }
  }
`);

/** The report's download address on this server (staff, by the session cookie). */
export const euReportFilePath = (projectId: string, kind: 'xlsx' | 'csv', from: string, to: string) =>
  `/api/eu-projects/${encodeURIComponent(projectId)}/report.${kind}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

export const euProjectsApi: ResourceApi = {
  ...crudOperations({
    row: EU_PROJECT,
    list: { field: 'euProjects', filter: 'EuProjectFilter' },
    one: 'euProject',
    input: 'EuProjectInput',
    create: 'createEuProject',
    update: 'updateEuProject',
  }),
  filter: (values) => passFilters(values, ['q']),
  queries: {
    report: {
      field: 'euProjectReport',
      document: graphql(`
        query AdminEuProjectReport($projectId: ID!, $from: String!, $to: String!) {
          euProjectReport(projectId: $projectId, from: $from, to: $to) {
            from
            to
            groups {
              groupId
              groupCode
              courseCode
              courseTitle
              startsOn
              endsOn
              participants
              plannedHours
              attendedHours
              completions
              withIndicatorData
            }
            totals {
              groups
              participants
              plannedHours
              attendedHours
              completions
              withIndicatorData
              indicatorDataShare
            }
            indicators {
              code
              nameLv
              nameEn
              target
              count
            }
          }
        }
      `),
    },
  },
  toInput: (values) =>
    pick(values, ['code', 'nameLv', 'nameEn', 'fund', 'startsOn', 'endsOn', 'indicators'], {
      code: (value) => textOrEmpty(value).trim(),
      nameLv: (value) => textOrEmpty(value).trim(),
      nameEn: (value) => textOrEmpty(value).trim(),
      indicators: (value) =>
        (Array.isArray(value) ? value : []).map((indicator: Record<string, unknown>) => ({
          code: textOrEmpty(indicator.code).trim(),
          nameLv: textOrEmpty(indicator.nameLv).trim(),
          nameEn: textOrEmpty(indicator.nameEn).trim(),
          target: Number(indicator.target ?? 0),
        })),
    }),
};
