import { DuckDBInstance } from '@duckdb/node-api';
const db = await (await DuckDBInstance.create()).connect();
const r = await db.runAndReadAll(process.argv[2]);
console.log(JSON.stringify(r.getRowObjectsJson(), null, 0));
