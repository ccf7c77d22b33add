// The ageing balance per client (ageing_by_client), its bucket amounts read as a list.
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

// A DECIMAL list crosses into JS as JSON (numbers), the one place it is read.
export const ageingByClient = () =>
  memo<Omit<ClientAgeing, 'bucket_amounts'> & { bucket_amounts_json: string }>('ageingByClient', ['ageing_by_client'], `
    select rank, client_id, name, to_json(list_transform(bucket_amounts, x -> x::double))::varchar as bucket_amounts_json, total_amount, overdue_amount
    from {ageing_by_client} order by rank`).then((rows) =>
    rows.map(({ bucket_amounts_json, ...r }): ClientAgeing => ({ ...r, bucket_amounts: JSON.parse(bucket_amounts_json) as number[] })),
  );
