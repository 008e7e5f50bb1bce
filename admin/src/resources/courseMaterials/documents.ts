import { crudOperations } from '../../data/crud';
import { emptyToNull, numberOrNull, passFilters, pick, textOrEmpty, trimmedOrNull, type ResourceApi, type Values } from '../../data/resourceApi';
import { uploadFile } from '../../data/upload';
import { graphql } from '../../gql';

/** Where the api takes a material's file before `createCourseMaterial(input: { fileId })`. */
export const MATERIAL_UPLOAD_PATH = '/api/materials/files';

const MATERIAL = graphql(`
  fragment CourseMaterialRow on CourseMaterial {
    id
    courseId
    groupId
    titleLv
    titleEn
    descriptionLv
    descriptionEn
    visibility
    kind
    url
    fileId
    fileName
    contentType
    sizeBytes
    position
    updatedAt
    group {
      id
      code
    }
  }
`);

/** What FileInput puts in the form: the browser's File under `rawFile`. */
const chosenFile = (value: unknown): File | null => {
  const raw = (value as { rawFile?: unknown } | null)?.rawFile;
  return raw instanceof File ? raw : null;
};

export const courseMaterialsApi: ResourceApi = {
  ...crudOperations({
    row: MATERIAL,
    list: { field: 'courseMaterials', filter: 'CourseMaterialFilter' },
    one: 'courseMaterial',
    input: 'CourseMaterialInput',
    create: 'createCourseMaterial',
    delete: 'deleteCourseMaterial',
  }),
  // The update input has its own type (no course: a material stays with its course).
  update: crudOperations({
    row: MATERIAL,
    list: { field: 'courseMaterials', filter: 'CourseMaterialFilter' },
    input: 'CourseMaterialUpdate',
    update: 'updateCourseMaterial',
  }).update,
  filter: (values) => passFilters(values, ['q', 'courseId', 'groupId']),
  /** A file chosen in the form is uploaded first; its id goes into the input. */
  async prepare(values: Values): Promise<Values> {
    const file = chosenFile(values.file);
    if (!file) return values;
    const uploaded = await uploadFile(MATERIAL_UPLOAD_PATH, file);
    return { ...values, fileId: uploaded.id };
  },
  toInput: (values) => {
    const isLink = values.kind !== 'FILE';
    return pick(
      values,
      ['courseId', 'groupId', 'titleLv', 'titleEn', 'descriptionLv', 'descriptionEn', 'visibility', 'position', ...(isLink ? ['url'] : ['fileId'])],
      {
        groupId: emptyToNull,
        titleLv: textOrEmpty,
        titleEn: textOrEmpty,
        descriptionLv: textOrEmpty,
        descriptionEn: textOrEmpty,
        url: trimmedOrNull,
        position: numberOrNull,
      },
    );
  },
  formFields: { fileId: 'file' },
};
