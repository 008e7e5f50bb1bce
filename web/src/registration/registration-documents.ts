import { graphql } from '../gql';

/** What the course page and "Manas mācības" need of a registration. */
export const MyRegistrationFields = graphql(`
  fragment MyRegistrationFields on Registration {
    id
    status
    waitingPosition
    source
    payerKind
    priceCents
    createdAt
    cancelledAt
    indicatorDataMissing
    group {
      id
      code
      status
      startsAt
      endsAt
      registrationDeadline
      euProject {
        id
        code
        nameLv
        nameEn
      }
      course {
        id
        title
      }
    }
  }
`);

/** The signed-in person's registrations, cancelled ones included (the pages show the active ones). */
export const MyRegistrationsQuery = graphql(`
  query MyRegistrations {
    myRegistrations {
      ...MyRegistrationFields
    }
  }
`);

/** What the confirmation step offers: the profile data each way of paying needs, and the employer's accounts. */
export const PayerOptionsQuery = graphql(`
  query PayerOptions {
    me {
      person {
        id
        email
        declaredAddress {
          street
          city
          postcode
          countryCode
        }
        employer {
          name
          registrationNumber
          address {
            street
            city
            postcode
          }
        }
        employments {
          id
          current
          institution {
            id
            name
            billingAccounts {
              id
              name
              number
            }
          }
        }
      }
    }
  }
`);

/** Whether the personal code tells the person's age (else the indicator questions ask for it). */
export const AgeKnownQuery = graphql(`
  query AgeKnown {
    myAgeKnownFromPersonalCode
  }
`);

export const SubmitIndicatorDataMutation = graphql(`
  mutation SubmitIndicatorData($registrationId: ID!, $input: IndicatorDataInput!) {
    submitIndicatorData(registrationId: $registrationId, input: $input) {
      registrationId
    }
  }
`);

export const RegisterMutation = graphql(`
  mutation Register($input: RegisterInput!) {
    register(input: $input) {
      ...MyRegistrationFields
    }
  }
`);

export const CancelMyRegistrationMutation = graphql(`
  mutation CancelMyRegistration($input: CancelRegistrationInput!) {
    cancelRegistration(input: $input) {
      ...MyRegistrationFields
    }
  }
`);
