// Each client's one grade (client_risk), for the lists' rows. Pages and components read the
// collections marts with read() and type their rows with tables.ts (generated from the contracts).
import { read } from '../read.ts';

/** Each client's one grade: its latest credit score, or the labelled fallback (client_risk). */
export const gradesAtAsOf = () => read('client_risk');
