// The open-balance snapshots of the runs before this one (openItems.shape "snapshot"), read back
// from the published warehouse's `snapshots` table into raw_snapshot_history: a snapshot holds no
// payment dates, so what the history of a snapshot export knows is the snapshots kept so far
// (snapshots.sql adds this run's; snapshot_settlements reads the settlements between them). The
// warehouse travels from night to night as it is (npm run history carries it on a fresh machine).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import type { Config } from '../config.ts';
import { sqlString, type Database } from '../../shared/duckdb.ts';

const columns = `snapshot_date date, client_id varchar, invoice_id varchar, kind varchar, issue_date date, due_date date,
  amount decimal(18, 2), open_amount decimal(18, 2), source_file varchar, line bigint`;

/** Creates raw_snapshot_history: the published snapshots in the snapshot shape, else empty (another shape starts none). */
export async function readSnapshotHistory(db: Database, warehouseDir: string, config: Config): Promise<number> {
  const file = join(warehouseDir, 'snapshots.parquet');
  await db.run(`create or replace table raw_snapshot_history (${columns})`);
  if (config.openItems.shape !== 'snapshot' || !existsSync(file)) return 0;
  await db.run(`insert into raw_snapshot_history by name select * from read_parquet(${sqlString(file)})`);
  return Number(await db.value<number>("select count(*)::integer from raw_snapshot_history"));
}
