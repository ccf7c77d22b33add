// Each client's recommended limit. A client's grade now with its score's reasons (client_risk), its
// score history, the scorecard and its validation are read with read() (site/lib/read.ts).
import { memo } from '../read.ts';

export interface CreditLimit {
  client_id: string;
  recommended_limit_amount: number;
  zero_limit_reason: string | null;
  credit_limit: number | null;
  exposure_amount: number;
  limit_usage: number | null;
  is_over_limit: boolean;
  is_over_insured_limit: boolean;
  uninsured_exposure_amount: number;
}

export const creditLimits = () =>
  memo<CreditLimit>('creditLimits', ['credit_limits'], `
    select client_id, recommended_limit_amount, zero_limit_reason, credit_limit, exposure_amount, limit_usage, is_over_limit, is_over_insured_limit,
           uninsured_exposure_amount from {credit_limits}`);
