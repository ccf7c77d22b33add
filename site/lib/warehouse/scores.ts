// A client's grade and score at each month end it was scored (client_scores), only the columns its
// page shows: the mart has twenty, and some 36 month ends a client (357,220 rows at 10,000
// clients): read whole, it was the site build's largest read by far. Rows in the mart's order.
import { byClient, memo } from '../read.ts';
import type { TableRow } from './tables.ts';

export type ScoreHistoryRow = Pick<TableRow<'client_scores'>, 'month_end' | 'client_id' | 'grade' | 'score'>;

/** Each client's scores, oldest month end first. */
export const scoreHistory = () =>
  byClient('scoreHistory', () => memo<ScoreHistoryRow>('scoreHistory', ['client_scores'], 'select month_end, client_id, grade, score from {client_scores}'));
