import { crudOperations } from '../../data/crud';
import { graphql } from '../../gql';
import { passFilters, type ResourceApi, type Values } from '../../data/resourceApi';

const REGISTRATION = graphql(`
  fragment RegistrationRow on Registration {
    id
    status
    waitingPosition
    payerKind
    payerName
    priceCents
    source
    createdAt
    cancelledAt
    cancellationReason
    person {
      id
      fullName
      personalCode
    }
    group {
      id
      code
      course {
        id
        code
        title
      }
    }
    registeredBy {
      id
      fullName
    }
    cancelledBy {
      id
      fullName
    }
  }
`);

// Spread by name below: codegen adds the fragment to the documents that use it.
graphql(`
  fragment RegistrationGroupChoice on Group {
    id
    code
    status
    courseId
    startsAt
    endsAt
    registrationDeadline
    maxSize
    seatsLeft
    isFull
    priceCents
  }
`);

/** A registration row with the person, group and course flattened for tables, filters and the CSV. */
export function toRegistrationRecord(item: Values): Values {
  const person = (item.person ?? {}) as Values;
  const group = (item.group ?? {}) as Values;
  const course = (group.course ?? {}) as Values;
  const registeredBy = item.registeredBy as Values | null;
  const cancelledBy = item.cancelledBy as Values | null;
  return {
    ...item,
    personId: person.id,
    fullName: person.fullName,
    personalCode: person.personalCode,
    groupId: group.id,
    groupCode: group.code,
    courseId: course.id ?? null,
    courseCode: course.code ?? null,
    courseTitle: course.title ?? null,
    priceEuro: typeof item.priceCents === 'number' ? item.priceCents / 100 : null,
    registeredByName: registeredBy?.fullName ?? null,
    cancelledByName: cancelledBy?.fullName ?? null,
  };
}

/**
 * Registrations (R-REG): staff see all, a coordinator those of their institutions' employees.
 * A group's list comes in list order (confirmed, waiting in order, cancelled); others newest first.
 */
export const registrationsApi: ResourceApi = {
  ...crudOperations({
    row: REGISTRATION,
    list: { field: 'registrations', filter: 'RegistrationFilter', args: { order: 'RegistrationOrder' } },
  }),
  filter: (values) => passFilters(values, ['institutionId', 'groupId', 'courseId', 'status']),
  listVariables: (filter) => ({ order: filter.groupId ? 'LIST' : 'NEWEST' }),
  toRecord: toRegistrationRecord,
  toInput: () => ({}),
  actions: {
    cancel: {
      field: 'cancelRegistration',
      document: graphql(`
        mutation AdminCancelRegistration($id: ID!, $reason: String) {
          cancelRegistration(input: { id: $id, reason: $reason }) {
            ...RegistrationRow
          }
        }
      `),
    },
    confirm: {
      field: 'confirmFromWaitingList',
      document: graphql(`
        mutation AdminConfirmFromWaitingList($id: ID!) {
          confirmFromWaitingList(id: $id) {
            ...RegistrationRow
          }
        }
      `),
    },
  },
  mutations: {
    registerEmployees: {
      field: 'registerEmployees',
      document: graphql(`
        mutation AdminRegisterEmployees($input: EmployeeRegistrationInput!) {
          registerEmployees(input: $input) {
            ...RegistrationRow
          }
        }
      `),
    },
  },
  queries: {
    /** A course's groups that take registrations, for choosing one. */
    courseGroups: {
      field: 'course',
      document: graphql(`
        query AdminRegistrationCourseGroups($id: ID!) {
          course(id: $id) {
            id
            code
            title
            openGroups {
              ...RegistrationGroupChoice
            }
          }
        }
      `),
    },
    /** One group, when the page is opened for it (`?groupId=`). */
    group: {
      field: 'group',
      document: graphql(`
        query AdminRegistrationGroup($id: ID!) {
          group(id: $id) {
            ...RegistrationGroupChoice
          }
        }
      `),
    },
  },
  formFields: { personIds: 'personIds', billingAccountId: 'billingAccountId' },
};
