import type { DataSource, EntityMetadata, ObjectLiteral, ValueTransformer } from 'typeorm';

/**
 * Entities read without TypeORM's hydration: one SELECT of the entity's own columns, each row
 * copied into an instance by a precomputed column list. TypeORM's path (query builder, alias
 * renaming, RawSqlResultsToEntityTransformer) was about a seventh of the catalog page's CPU
 * (issue 16). Columns only: relations are not loaded; column transformers are applied.
 */
export class PlainRows<T extends ObjectLiteral> {
  /** Read from the data source's metadata on first use: services are made before it is initialized in some tests. */
  private shape: { metadata: EntityMetadata; fields: Field[] } | null = null;
  /** The select list for `alias`, naming every column by its property: `s."starts_at" AS "startsAt", ...`. */
  private readonly selects = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly target: new () => T,
  ) {}

  /** `SELECT <columns> FROM <table> <alias> <rest>`: `rest` holds WHERE and ORDER BY over `alias`, with $n parameters. */
  async select(alias: string, rest: string, parameters: unknown[]): Promise<T[]> {
    const { metadata, fields } = (this.shape ??= this.read());
    let columns = this.selects.get(alias);
    if (!columns) {
      columns = fields.map((field) => `${alias}."${field.column}" AS "${field.property}"`).join(', ');
      this.selects.set(alias, columns);
    }
    const rows: Record<string, unknown>[] = await this.dataSource.query(`SELECT ${columns} FROM "${metadata.tableName}" ${alias} ${rest}`, parameters);
    return rows.map((row) => entityOf(metadata, fields, row) as T);
  }

  private read(): { metadata: EntityMetadata; fields: Field[] } {
    const metadata = this.dataSource.getMetadata(this.target);
    const fields = metadata.columns.map((column) => ({ column: column.databaseName, property: column.propertyName, transformer: column.transformer }));
    return { metadata, fields };
  }
}

interface Field {
  column: string;
  property: string;
  transformer?: ValueTransformer | ValueTransformer[];
}

function entityOf(metadata: EntityMetadata, fields: Field[], row: Record<string, unknown>): ObjectLiteral {
  const entity = metadata.create(undefined, { fromDeserializer: true });
  for (const { property, transformer } of fields) {
    const value = row[property];
    (entity as Record<string, unknown>)[property] = transformer ? transformed(transformer, value) : value;
  }
  return entity;
}

/** As TypeORM applies them when reading: a list of transformers from the last to the first. */
function transformed(transformer: ValueTransformer | ValueTransformer[], value: unknown): unknown {
  return Array.isArray(transformer) ? transformer.reduceRight((v, t) => t.from(v), value) : transformer.from(value);
}
