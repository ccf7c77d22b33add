import { DuckDBInstance } from '@duckdb/node-api';
const inst = await DuckDBInstance.create('/tmp/b1/m1.duckdb'); const c = await inst.connect();
await c.run("create temp table a as select * from int_allocations; create temp table i as select * from int_invoices; create temp table p as select * from penalties; create temp table inv as select * from invoices");
for (const sql of process.argv.slice(2)) { const t=[]; let r; for (let k=0;k<3;k++){ const s = performance.now(); r = await c.runAndReadAll(sql); t.push((performance.now()-s).toFixed(0)); } console.log(t.join(' '), 'ms', r.getRowObjectsJS().length, sql.slice(0,80)); }
