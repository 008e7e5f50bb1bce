import { graphql } from '../../gql';
import type { AttendanceSheetFieldsFragment, AdminMyTeachingQuery } from '../../gql/graphql';
import type { ResourceApi } from '../../data/resourceApi';

export type AttendanceSheet = AttendanceSheetFieldsFragment;
export type AttendanceStatus = 'PRESENT' | 'ABSENT' | 'EXCUSED';
export type TeachingSession = AdminMyTeachingQuery['mySessions'][number];

// Spread by name below: codegen adds the fragment to the documents that use it.
graphql(`
  fragment AttendanceSheetFields on SessionAttendance {
    courseTitle
    groupCode
    markable
    session {
      id
      startsAt
      endsAt
    }
    participants {
      personId
      fullName
      institutionName
      status
      markedByName
      markedAt
    }
  }
`);

/** A session's attendance (R-AFT-5): read and saved as a whole list, by staff and the session's lecturer. */
export const attendanceApi: ResourceApi = {
  filter: () => ({}),
  toInput: (values) => values,
  queries: {
    sheet: {
      field: 'sessionAttendance',
      document: graphql(`
        query AdminSessionAttendance($sessionId: ID!) {
          sessionAttendance(sessionId: $sessionId) {
            ...AttendanceSheetFields
          }
        }
      `),
    },
    /** The signed-in person's sessions; a lecturer's console lists those they teach. */
    myTeaching: {
      field: 'mySessions',
      document: graphql(`
        query AdminMyTeaching {
          mySessions {
            role
            session {
              id
              startsAt
              endsAt
              group {
                id
                code
                status
                course {
                  id
                  title
                }
              }
            }
          }
        }
      `),
    },
  },
  mutations: {
    mark: {
      field: 'markAttendance',
      document: graphql(`
        mutation AdminMarkAttendance($sessionId: ID!, $marks: [AttendanceMarkInput!]!) {
          markAttendance(sessionId: $sessionId, marks: $marks) {
            ...AttendanceSheetFields
          }
        }
      `),
    },
  },
};

/** The printable sign-in sheet of a session, in the console's language. */
export const signInSheetUrl = (sessionId: string, locale: string) =>
  `/api/sessions/${encodeURIComponent(sessionId)}/sign-in-sheet.pdf?lang=${locale === 'en' ? 'en' : 'lv'}`;
