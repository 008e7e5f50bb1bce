import { crudOperations } from '../../data/crud';
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
  ...crudOperations({
    row: PLACE,
    list: { field: 'places', filter: 'NameFilter' },
    input: 'PlaceInput',
    create: 'createPlace',
    update: 'updatePlace',
  }),
  filter: (values) => passFilters(values, ['q']),
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
