/** Enum values of the API as react-admin choices; their labels are translation keys (`mps.enums.*`). */
const choices = (enumName: string, values: string[]) => values.map((id) => ({ id, name: `mps.enums.${enumName}.${id}` }));

export const FORMAT_CHOICES = choices('CourseFormat', ['IN_PERSON', 'ONLINE', 'HYBRID']);
export const LANGUAGE_CHOICES = choices('InstructionLanguage', ['LV', 'EN', 'RU']);
export const VISIBILITY_CHOICES = choices('CourseVisibility', ['PUBLIC', 'RESTRICTED']);
export const GROUP_STATUS_CHOICES = choices('GroupStatus', ['PLANNED', 'OPEN', 'CONFIRMED', 'COMPLETED', 'CANCELLED']);
export const PRICE_CHOICES = choices('PriceKind', ['FREE', 'PAID']);
