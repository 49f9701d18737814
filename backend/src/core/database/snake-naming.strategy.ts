import { createHash } from 'node:crypto';
import { DefaultNamingStrategy, NamingStrategyInterface, Table } from 'typeorm';

/** PostgreSQL truncates identifiers beyond 63 bytes; longer names keep a hash suffix to stay unique. */
const MAX_IDENTIFIER = 63;

export function snakeCase(name: string): string {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** Readable constraint and index names: `pk_table`, `ix_table_col1_col2`, … */
export function constraintName(prefix: string, table: string, columns: string[] = []): string {
  const name = [prefix, table.split('.').pop(), ...columns].join('_');
  if (name.length <= MAX_IDENTIFIER) return name;
  const hash = createHash('sha1').update(name).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_IDENTIFIER - hash.length - 1)}_${hash}`;
}

/** camelCase properties become snake_case columns and tables, as SQL readers expect. */
export class SnakeNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(className: string, customName?: string): string {
    return customName ?? snakeCase(className);
  }

  override columnName(propertyName: string, customName: string | undefined, embeddedPrefixes: string[]): string {
    return snakeCase(embeddedPrefixes.concat(customName ?? propertyName).join('_'));
  }

  override primaryKeyName(table: Table | string): string {
    return constraintName('pk', this.getTableName(table));
  }

  override uniqueConstraintName(table: Table | string, columns: string[]): string {
    return constraintName('uq', this.getTableName(table), columns);
  }

  override foreignKeyName(table: Table | string, columns: string[]): string {
    return constraintName('fk', this.getTableName(table), columns);
  }

  override indexName(table: Table | string, columns: string[]): string {
    return constraintName('ix', this.getTableName(table), columns);
  }

  override relationName(propertyName: string): string {
    return snakeCase(propertyName);
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return snakeCase(`${relationName}_${referencedColumnName}`);
  }

  override joinTableName(firstTableName: string, secondTableName: string, firstPropertyName: string): string {
    return snakeCase(`${firstTableName}_${firstPropertyName.replace(/\./g, '_')}_${secondTableName}`);
  }

  override joinTableColumnName(tableName: string, propertyName: string, columnName?: string): string {
    return snakeCase(`${tableName}_${columnName ?? propertyName}`);
  }
}
