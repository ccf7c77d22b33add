// The long lists' marts: the ageing balance per client (ageing_by_client) and the worklist's
// totals (worklist_totals).
import { memo } from '../read.ts';

export interface ClientAgeing {
  rank: number;
  client_id: string;
  name: string | null;
  /** Open amount per bucket, in the order of `buckets`. */
  bucket_amounts: number[];
  total_amount: number;
  overdue_amount: number;
}

export interface WorklistTotals {
  client_count: number;
  action_count: number;
  due_amount: number;
  overdue_amount: number;
  expected_loss_amount: number;
}

// A DECIMAL list crosses into JS as JSON (numbers), the one place it is read.
export const ageingByClient = () =>
  memo<Omit<ClientAgeing, 'bucket_amounts'> & { bucket_amounts_json: string }>('ageingByClient', ['ageing_by_client'], `
    select rank, client_id, name, to_json(list_transform(bucket_amounts, x -> x::double))::varchar as bucket_amounts_json, total_amount, overdue_amount
    from {ageing_by_client} order by rank`).then((rows) =>
    rows.map(({ bucket_amounts_json, ...r }): ClientAgeing => ({ ...r, bucket_amounts: JSON.parse(bucket_amounts_json) as number[] })),
  );

export const worklistTotals = () =>
  memo<WorklistTotals>('worklistTotals', ['worklist_totals'], `select client_count, action_count, due_amount, overdue_amount, expected_loss_amount from {worklist_totals}`).then(
    (rows) => rows[0] ?? { client_count: 0, action_count: 0, due_amount: 0, overdue_amount: 0, expected_loss_amount: 0 },
  );
