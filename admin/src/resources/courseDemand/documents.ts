import { graphql } from '../../gql';
import { passFilters, type ResourceApi, type Values } from '../../data/resourceApi';

/** Courses people wait for (interest requests, R-CAT-3): a row per course, its id the course's. */
export const courseDemandApi: ResourceApi = {
  list: {
    field: 'courseDemand',
    document: graphql(`
      query AdminCourseDemand($filter: CourseDemandFilter, $page: Int!, $perPage: Int!) {
        courseDemand(filter: $filter, page: $page, perPage: $perPage) {
          total
          items {
            course {
              id
              code
              title
            }
            requestCount
            latestRequestAt
            hasOpenGroup
          }
        }
      }
    `),
  },
  filter: (values) => passFilters(values, ['q', 'hasOpenGroup']),
  /** Opening a row reads the course itself. */
  one: {
    field: 'course',
    document: graphql(`
      query AdminDemandCourse($id: ID!) {
        course(id: $id) {
          id
          code
          title
        }
      }
    `),
  },
  /** A demand row carries its course; `one` gives the course alone. */
  toRecord: (item: Values) => {
    const course = (item.course ?? item) as Values;
    return { ...item, id: course.id, courseCode: course.code, courseTitle: course.title };
  },
  toInput: () => ({}),
};

/** The people waiting for a course, with their e-mail addresses (staff only). */
export const interestRequestsApi: ResourceApi = {
  list: {
    field: 'interestRequests',
    document: graphql(`
      query AdminInterestRequests($filter: InterestRequestFilter, $page: Int!, $perPage: Int!) {
        interestRequests(filter: $filter, page: $page, perPage: $perPage) {
          total
          items {
            id
            createdAt
            person {
              id
              fullName
              email
            }
          }
        }
      }
    `),
  },
  filter: (values) => passFilters(values, ['courseId']),
  toRecord: (item: Values) => {
    const person = item.person as Values;
    return { ...item, fullName: person.fullName, email: person.email };
  },
  toInput: () => ({}),
};
