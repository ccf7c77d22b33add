import { loadConfig } from '/work/wt/collections/etl/config.ts';
import { runEtl } from '/work/wt/collections/etl/pipeline.ts';
import { queryWarehouse } from '/work/wt/collections/test/helpers.ts';
const [input, wh, ...sqls] = process.argv.slice(2);
if (input !== '-') { const { config, path } = loadConfig(undefined, input!); await runEtl({ inputDir: input!, warehouseDir: wh!, config, configPath: path }); }
for (const sql of sqls) console.table(await queryWarehouse(wh!, sql));
