// A column's meaning in the build's language, from the data dictionary (the words of the SQL
// model's header): the site's tooltips say exactly what the analysts' documentation says.
import { language } from './i18n/index.ts';
import { dataDictionary } from './warehouse/metadata.ts';

/** `(column) => definition` for one table; undefined for a column the dictionary does not have. */
export function definitions(table: string): (column: string) => string | undefined {
  const columns = dataDictionary().find((t) => t.table === table)?.columns ?? [];
  const french = language() === 'fr';
  return (name) => {
    const column = columns.find((c) => c.name === name);
    return column ? (french ? column.description_fr ?? column.description : column.description) : undefined;
  };
}
