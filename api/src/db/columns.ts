import type { ValueTransformer } from 'typeorm';

/** PostgreSQL returns numeric as a string (to keep precision); hours fit a JS number. */
export const numericToNumber: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * A jsonb column read back as its object. TypeORM hands a saved entity's jsonb value back as the
 * JSON text it wrote; this makes the entity hold the object either way.
 */
export const jsonObject: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value),
};
