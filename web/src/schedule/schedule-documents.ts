import { graphql } from '../gql';

/**
 * What the portal shows of a session. The live event selects the same fields, so the sessions it
 * carries overwrite the cached ones (same id) and every page showing them changes at once.
 */
export const ScheduleSessionFields = graphql(`
  fragment ScheduleSessionFields on Session {
    id
    startsAt
    endsAt
    isOnline
    onlineUrl
    sequence
    place {
      id
      localName
      address
      localRoom
    }
    lecturer {
      id
      name
    }
  }
`);

export const ScheduleGroupFields = graphql(`
  fragment ScheduleGroupFields on Group {
    id
    code
    status
    cancellationReason
    course {
      id
      title
      code
    }
  }
`);

/** "Manas mācības": the signed-in person's sessions as participant and as lecturer. */
export const MyTrainingQuery = graphql(`
  query MyTraining {
    mySessions {
      role
      registrationStatus
      session {
        ...ScheduleSessionFields
        group {
          ...ScheduleGroupFields
        }
      }
    }
  }
`);

/** Without groupIds: the groups the person is in or teaches. With them: those groups (a course page). */
export const ScheduleChangedSubscription = graphql(`
  subscription ScheduleChanged($groupIds: [ID!]) {
    scheduleChanged(groupIds: $groupIds) {
      id
      kind
      groupId
      changedAt
      sessionIds
      removedSessionIds
      group {
        ...ScheduleGroupFields
      }
      sessions {
        ...ScheduleSessionFields
      }
    }
  }
`);

/** The date scale's statuses of past groups: the person's certificates, by group. */
export const MyCertificatesQuery = graphql(`
  query MyCertificates {
    me {
      person {
        id
        certificates {
          id
          groupId
          number
          revokedAt
          pdfUrl
        }
      }
    }
  }
`);
