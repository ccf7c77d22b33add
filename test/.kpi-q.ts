import { queryWarehouse } from '../../work/main/test/helpers.ts';
const sql = process.argv[2]!;
const rows = await queryWarehouse('/tmp/kpiw/warehouse', sql);
console.table(rows);
