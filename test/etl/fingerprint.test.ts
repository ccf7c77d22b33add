// A run on the exports, code, configuration and reference tables of the published warehouse keeps
// it as it is; any change — a back-dated payment in a closed month above all — rebuilds it, and the
// warehouse it leaves is the one a run into an empty folder builds from the same exports.
import { appendFileSync, cpSync, mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { parseConfig } from '../../etl/config.ts';
import { compareWarehouses } from '../../etl/compare-warehouses.ts';
import { runEtl, type RunResult, type StepEvent } from '../../etl/pipeline.ts';
import { fixturesDir, queryWarehouse } from '../helpers.ts';

const root = mkdtempSync(join(tmpdir(), 'encours-fingerprint-'));
const input = join(root, 'input');
const warehouseDir = join(root, 'warehouse');
cpSync(join(fixturesDir, 'allocation'), input, { recursive: true });

async function run(options: { warehouse?: string; full?: boolean; config?: object } = {}): Promise<{ manifest: RunResult; said: string }> {
  const steps: StepEvent[] = [];
  const manifest = await runEtl({
    inputDir: input,
    warehouseDir: options.warehouse ?? warehouseDir,
    config: parseConfig(options.config ?? {}),
    configPath: null,
    asOf: '2024-03-31',
    full: options.full,
    log: (event) => steps.push(event),
  });
  return { manifest, said: steps.find((step) => step.step === 'fingerprint')?.detail ?? '' };
}

/** A's open amount at the end of February 2024, as ageing_monthly states it. */
const openAtEndOfFebruary = async (warehouse: string) =>
  (await queryWarehouse(warehouse, `select sum(open_amount)::double as open from ageing_monthly where client_id = 'A' and month_end = date '2024-02-29'`))[0]!.open;

describe('a run on unchanged exports', () => {
  let first: RunResult;
  beforeAll(async () => {
    first = (await run()).manifest;
  }, 120_000);

  it('keeps the published warehouse, says so, and --full rebuilds it with the same rows', async () => {
    const published = realpathSync(warehouseDir);
    const again = await run();
    expect(again.said).toBe(`nothing changed since run ${first.run_id}: its warehouse is kept`);
    expect(again.manifest.kept).toBe(true);
    expect(realpathSync(warehouseDir)).toBe(published);

    const full = await run({ full: true });
    expect(full.said).toBe('full run: --full');
    expect(full.manifest.run_id).not.toBe(first.run_id);
    const compared = await compareWarehouses(published, realpathSync(warehouseDir));
    expect(compared.differences).toEqual([]);
  }, 120_000);

  it('rebuilds when the configuration changes, and says why', async () => {
    const changed = await run({ config: { guard: { maxShrink: 0.4 } } });
    expect(changed.said).toBe('full run: the configuration changed');
    expect(changed.manifest.kept).toBeUndefined();
    // Back to the default configuration: a change again.
    expect((await run()).said).toBe('full run: the configuration changed');
  }, 120_000);

  it('rebuilds after a payment added in a closed month, never keeping the stale month, and equals a fresh build', async () => {
    // A1: 1,000 issued 10 January, P1 600 on 15 February: 400 open at the end of February.
    expect(await openAtEndOfFebruary(warehouseDir)).toBe(400);
    appendFileSync(join(input, 'payments.csv'), 'P6,A,2024-02-20,150.00,A1\n');
    const corrected = await run();
    expect(corrected.said).toBe('full run: the inputs changed (payments.csv)');
    // 1,000 − 600 − 150 = 250 at the end of February.
    expect(await openAtEndOfFebruary(warehouseDir)).toBe(250);

    const fresh = join(root, 'fresh');
    await run({ warehouse: fresh });
    const compared = await compareWarehouses(fresh, warehouseDir);
    expect(compared.differences).toEqual([]);
    expect(compared.tables).toBeGreaterThan(40);
  }, 180_000);
});
