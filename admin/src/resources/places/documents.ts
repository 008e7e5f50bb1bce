import { graphql } from '../../gql';
import { numberOrNull, passFilters, pick, textOrEmpty, trimmedOrNull, type ResourceApi } from '../../data/resourceApi';

const PLACE = graphql(`
  fragment PlaceRow on Place {
    id
    name
    nameEn
    address
    room
    roomEn
    capacity
  }
`);

export const placesApi: ResourceApi = {
  list: {
    field: 'places',
    document: graphql(`
      query AdminPlaces($filter: NameFilter, $page: Int!, $perPage: Int!) {
        places(filter: $filter, page: $page, perPage: $perPage) {
          total
          items {
            ...PlaceRow
          }
        }
      }
    `),
  },
  filter: (values) => passFilters(values, ['q']),
  create: {
    field: 'createPlace',
    document: graphql(`
      mutation AdminCreatePlace($input: PlaceInput!) {
        createPlace(input: $input) {
          ...PlaceRow
        }
      }
    `),
  },
  update: {
    field: 'updatePlace',
    document: graphql(`
      mutation AdminUpdatePlace($id: ID!, $input: PlaceInput!) {
        updatePlace(id: $id, input: $input) {
          ...PlaceRow
        }
      }
    `),
  },
  toInput: (values) =>
    pick(values, ['name', 'nameEn', 'address', 'room', 'roomEn', 'capacity'], {
      name: (value) => textOrEmpty(value).trim(),
      nameEn: trimmedOrNull,
      roomEn: trimmedOrNull,
      address: (value) => textOrEmpty(value).trim(),
      room: trimmedOrNull,
      capacity: numberOrNull,
    }),
};
