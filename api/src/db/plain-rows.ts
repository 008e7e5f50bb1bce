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

  /**
   * Instances from rows that PostgreSQL wrote as JSON (`row_to_json(alias)`: keys are column names),
   * equal to what `select` reads: JSON has no timestamps, so they become Dates here, and numeric and
   * bigint values become the strings pg gives. A statement can so return several entities' rows at once.
   */
  fromJson(rows: readonly Record<string, unknown>[]): T[] {
    const { metadata, fields } = (this.shape ??= this.read());
    return rows.map((json) => {
      const row: Record<string, unknown> = {};
      for (const field of fields) {
        const value = json[field.column];
        row[field.property] = value === null || value === undefined ? null : field.fromJson(value);
      }
      return entityOf(metadata, fields, row) as T;
    });
  }

  private read(): { metadata: EntityMetadata; fields: Field[] } {
    const metadata = this.dataSource.getMetadata(this.target);
    const fields = metadata.columns.map((column) => ({
      column: column.databaseName,
      property: column.propertyName,
      transformer: column.transformer,
      fromJson: jsonReader(this.dataSource.driver.normalizeType(column), column, `${metadata.tableName}.${column.databaseName}`),
    }));
    return { metadata, fields };
  }
}

interface Field {
  column: string;
  property: string;
  transformer?: ValueTransformer | ValueTransformer[];
  fromJson: (value: unknown) => unknown;
}

const asIs = (value: unknown) => value;

/** How a column's JSON value becomes what pg would have given; a type without a sure answer is refused at once. */
function jsonReader(type: string, column: EntityMetadata['columns'][number], name: string): (value: unknown) => unknown {
  if (column.isArray && type !== 'text' && type !== 'character varying' && type !== 'uuid')
    throw new Error(`PlainRows.fromJson cannot read ${name} (${type}[])`);
  switch (type) {
    case 'timestamp with time zone':
    case 'timestamp without time zone':
    case 'timestamptz':
    case 'timestamp':
      return (value) => new Date(value as string);
    case 'numeric':
    case 'decimal':
      // JSON keeps the number, not its scale ("8.0" comes back as 8): only a transformer to number makes them equal.
      if (!column.transformer) throw new Error(`PlainRows.fromJson cannot read ${name} (${type} without a transformer)`);
      return (value) => String(value);
    case 'bigint':
      return (value) => String(value);
    case 'uuid':
    case 'text':
    case 'character varying':
    case 'varchar':
    case 'integer':
    case 'int':
    case 'smallint':
    case 'boolean':
    case 'jsonb':
    case 'json':
      return asIs;
    default:
      throw new Error(`PlainRows.fromJson cannot read ${name} (${type})`);
  }
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
