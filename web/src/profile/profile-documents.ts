import { graphql } from '../gql';

/** Everything the profile page shows of the person. */
export const ProfilePersonFields = graphql(`
  fragment ProfilePersonFields on Person {
    id
    givenName
    familyName
    fullName
    personalCode
    email
    phone
    declaredAddress {
      ...AddressFields
    }
    preferredLanguage
    employer {
      name
      registrationNumber
      vatNumber
      address {
        ...AddressFields
      }
      invoiceEmail
    }
    employments {
      id
      position
      workEmail
      source
      startedAt
      endedAt
      institution {
        id
        name
      }
    }
    certificates {
      id
      number
      issuedAt
      revokedAt
      hours
      pdfUrl
      verificationPath
      course {
        id
        title
      }
    }
  }
`);

/**
 * The profile page's query. It selects the same fields of `Me` as the header's MeQuery (MeFields)
 * and more of the person, so an answer written here also answers the header and the banner.
 */
export const ProfileQuery = graphql(`
  query ProfilePage {
    me {
      ...MeFields
      person {
        ...ProfilePersonFields
      }
    }
  }
`);

export const UpdateMyProfileMutation = graphql(`
  mutation UpdateMyProfile($input: ProfileInput!) {
    updateMyProfile(input: $input) {
      ...MeFields
      person {
        ...ProfilePersonFields
      }
    }
  }
`);

export const EndMyEmploymentMutation = graphql(`
  mutation EndMyEmployment($employmentId: ID!) {
    endMyEmployment(employmentId: $employmentId) {
      id
      endedAt
    }
  }
`);

/** "Mani mācību pasākumi" (R-HIS-1): every registration of the person with where they stand. */
export const CourseHistoryQuery = graphql(`
  query CourseHistory {
    myRegistrations {
      id
      status
      participation
      waitingPosition
      createdAt
      group {
        id
        code
        startsAt
        endsAt
        course {
          id
          title
        }
      }
      certificate {
        id
        number
        issuedAt
        revokedAt
      }
      attendance {
        attendedHours
        plannedHours
        percent
        requiredPercent
        met
        markedSessions
      }
    }
  }
`);
