// The legal table's CSV (/d441.csv, site/pages/d441.csv.ts) and the labels of the D441-6 page and
// the benchmarks (site/lib/i18n/legal.ts): the same keys in both languages; the CSV a French
// spreadsheet opens with its numbers as numbers and the model table's band words.
import { describe, expect, it, vi } from 'vitest';

import { legalLanguages } from '../../site/lib/i18n/legal.ts';
import { siteReading, testManifest, typedWarehouse } from './site-warehouse.ts';

function keys(labels: object, prefix = ''): string[] {
  return Object.entries(labels).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null && !Array.isArray(value) ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('legal labels', () => {
  it('French and English have the same labels, and the CSV header as many columns', () => {
    expect(keys(legalLanguages.en).sort()).toEqual(keys(legalLanguages.fr).sort());
    expect(legalLanguages.en.d441.csvHeader).toHaveLength(legalLanguages.fr.d441.csvHeader.length);
  });
});

describe('/d441.csv', () => {
  it('lists each band in the model table\'s words, amounts with a decimal comma, a missing share left empty', async () => {
    const row = (bucket: string, order: number, amount: string, share: string) => ({
      fiscal_year_end: "date '2024-12-31'", fiscal_year_start: "date '2024-01-01'", form: "'closing'", bucket: `'${bucket}'`, bucket_order: String(order),
      invoice_count: '2', amount, share_of_sales: share, amounts_include_tax: 'true', year_sales_amount: '11550.00', year_invoice_count: '10',
      is_whole_year: 'true', history_start_date: "date '2023-12-15'", contract_terms_invoice_count: '1', default_terms_days: '30',
    });
    const dir = await typedWarehouse({ payment_delays_d441: [row('late_1_30', 1, '1234.50', '0.106883'), row('excluded', 6, '1250.00', 'null')] }, testManifest('2025-03-31', '2025-04-01T00:00:00Z'));
    await siteReading(dir);
    vi.stubEnv('ENCOURS_LANG', 'fr');
    const { GET } = await import('../../site/pages/d441.csv.ts');
    const text = await (await GET()).text();
    const lines = text.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]!.split(';').slice(0, 4)).toEqual(['Clôture', 'Début d’exercice', 'Présentation', 'Tranche']);
    expect(lines[1]).toBe('2024-12-31;2024-01-01;factures non réglées à la clôture (D441-6 I);1 à 30 jours;1;2;1234,5;0,106883;;oui;11550;10;oui;1;30');
    expect(lines[2]).toBe('2024-12-31;2024-01-01;factures non réglées à la clôture (D441-6 I);Factures exclues (litiges);6;2;1250;;;oui;11550;10;oui;1;30');
  });
});
