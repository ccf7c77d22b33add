// Labels of the KPI, provisions and forecast parts of the site, per language (kept beside fr.ts and
// en.ts while those grow; same rule: every label of these pages is here).
import type { AlertsRow, DunningRow } from '../warehouse/tables.ts';
import { language } from './index.ts';

/** The parts of a dunning row its reason is worded from (the dunning table's columns). */
export type DunningReasonParts = Pick<DunningRow, 'scheduled_stage' | 'is_disputed' | 'days_from_due' | 'schedule_day' | 'stage_start_day' | 'shift_days' | 'grade' | 'collective_procedure' | 'claim_deadline_date'>
  & Partial<Pick<DunningRow, 'stage' | 'paused_until_date' | 'is_claim_deadline_passed' | 'relief_deadline_date' | 'is_post_judgment' | 'procedure_date'>>
  /** For several invoices alike (clientDunningGroups): the most days from due, days_from_due being the fewest. */
  & { days_from_due_max?: number };

/** The days from due of one invoice ('12'), or of several ('12 à 40'): fewest to most, as positive numbers (`sign` -1 before the due date). */
const daysRange = (r: DunningReasonParts, to: string, sign = 1) => {
  const [a, b] = sign > 0 ? [r.days_from_due, r.days_from_due_max ?? r.days_from_due] : [-(r.days_from_due_max ?? r.days_from_due), -r.days_from_due];
  return a === b ? String(a) : `${a} ${to} ${b}`;
};

/** A row's place in the schedule: every row but a claim to declare has one (dunning.json's expression test). */
const scheduleOf = (r: DunningReasonParts) => {
  if (r.scheduled_stage === null || r.schedule_day === null || r.stage_start_day === null) throw new Error(`dunning: a ${r.stage ?? ''} row without its place in the schedule`);
  return { scheduled: r.scheduled_stage, day: r.schedule_day, startDay: r.stage_start_day };
};

/** An ISO date as dd/mm/yyyy (both languages' short form) inside a reason. */
const dmy = (iso: string | null | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
/** An invoice of a client under a collective procedure issued after the judgment is chased like any
 * other (L622-17): its reason says so first, so the desk does not take it for a claim forgotten. */
const postJudgmentFr = (r: DunningReasonParts): string =>
  r.is_post_judgment ? `Créance née après le jugement d’ouverture du ${dmy(r.procedure_date)}, payable à l’échéance (L622-17) : ` : '';
const postJudgmentEn = (r: DunningReasonParts): string =>
  r.is_post_judgment ? `Claim born after the opening judgment of ${dmy(r.procedure_date)}, payable when due (L622-17): ` : '';

/**
 * The claim deadline (judgment date + collections.claimDeadlineMonths, on the safe side of the BODACC
 * publication), passed or not, or unknown; once passed, the last day to ask the juge-commissaire for
 * relief from the foreclosure (relief_deadline_date, judgment + 6 months, L622-26).
 */
type ClaimDates = Pick<DunningReasonParts, 'claim_deadline_date' | 'is_claim_deadline_passed'> & Partial<Pick<DunningReasonParts, 'relief_deadline_date'>>;
export const claimDeadlineFr = (r: ClaimDates) =>
  !r.claim_deadline_date ? ' — date du jugement inconnue : date limite à vérifier au BODACC'
  : r.is_claim_deadline_passed ? ` — délai dépassé depuis le ${dmy(r.claim_deadline_date)} (compté depuis le jugement) : demander un relevé de forclusion au juge-commissaire${r.relief_deadline_date ? ` au plus tard le ${dmy(r.relief_deadline_date)}` : ''} (L622-26)`
  : `, au plus tard le ${dmy(r.claim_deadline_date)} (compté depuis le jugement)`;
export const claimDeadlineEn = (r: ClaimDates) =>
  !r.claim_deadline_date ? ' — judgment date unknown: check the deadline in the BODACC'
  : r.is_claim_deadline_passed ? ` — deadline passed on ${dmy(r.claim_deadline_date)} (counted from the judgment): ask the juge-commissaire for relief from the foreclosure (relevé de forclusion)${r.relief_deadline_date ? ` by ${dmy(r.relief_deadline_date)}` : ''} (L622-26)`
  : `, by ${dmy(r.claim_deadline_date)} (counted from the judgment)`;

/** The parts of an alert its text is worded from (the alerts table's columns). */
export type AlertParts = Omit<AlertsRow, 'client_id' | 'first_seen_date'>;

const stagesFr: Record<string, string> = {
  preventive_reminder: 'Relance préventive', reminder_1: 'Relance 1', reminder_2: 'Relance 2', formal_notice: 'Mise en demeure',
  litigation: 'Contentieux', paused_dispute: 'En litige (suspendu)', declare_claim: 'Déclarer la créance', paused_promise: 'Promesse de paiement (suspendu)',
  paused_do_not_chase: 'Ne pas relancer (suspendu)', claim_foreclosed: 'Créance forclose — à passer en perte',
};

const proceduresFr: Record<string, string> = { safeguard: 'sauvegarde', receivership: 'redressement judiciaire', liquidation: 'liquidation judiciaire' };

const stagesEn: Record<string, string> = {
  preventive_reminder: 'Preventive reminder', reminder_1: 'Reminder 1', reminder_2: 'Reminder 2', formal_notice: 'Formal notice',
  litigation: 'Litigation', paused_dispute: 'Disputed (paused)', declare_claim: 'Declare the claim', paused_promise: 'Promise to pay (paused)', paused_do_not_chase: 'Do not chase (paused)',
  claim_foreclosed: 'Claim foreclosed — to write off',
};

/** A score reason's words, by code and band (client_scores.reason_N, reason_N_band_order). */
const reasonsFr: Record<string, string> = {
  'max_days_past_due:2': 'Facture en retard de 1 à 15 jours', 'max_days_past_due:3': 'Facture en retard de 16 à 30 jours',
  'max_days_past_due:4': 'Facture en retard de 31 à 60 jours', 'max_days_past_due:5': 'Facture en retard de 61 à 90 jours',
  'max_days_past_due:6': 'Facture en retard de plus de 90 jours',
  'days_late_12m:0': 'Aucun paiement sur 12 mois', 'days_late_12m:2': 'Paie en moyenne 1 à 5 jours en retard sur 12 mois, paiements en avance comptés à l’heure',
  'days_late_12m:3': 'Paie en moyenne 6 à 15 jours en retard sur 12 mois, paiements en avance comptés à l’heure',
  'days_late_12m:4': 'Paie en moyenne 16 à 30 jours en retard sur 12 mois, paiements en avance comptés à l’heure',
  'days_late_12m:5': 'Paie en moyenne plus de 30 jours en retard sur 12 mois, paiements en avance comptés à l’heure',
  'days_late_trend:0': 'Pas de paiement récent pour juger la tendance', 'days_late_trend:2': 'Retards de paiement en légère hausse sur 3 mois',
  'days_late_trend:3': 'Retards de paiement en hausse sur 3 mois', 'days_late_trend:4': 'Retards de paiement en forte hausse sur 3 mois',
  'share_over_60:2': 'Jusqu’à 25 % de l’encours à plus de 60 jours de retard', 'share_over_60:3': 'Plus de 25 % de l’encours à plus de 60 jours de retard',
  'share_disputed:2': 'Quelques factures en litige sur 12 mois', 'share_disputed:3': 'Plus de 5 % du chiffre d’affaires en litige sur 12 mois',
  'limit_usage:0': 'Aucune limite de crédit accordée', 'limit_usage:2': 'Limite de crédit utilisée à plus de 50 %',
  'limit_usage:3': 'Limite de crédit presque atteinte', 'limit_usage:4': 'Limite de crédit dépassée',
  'tenure:2': 'Relation de moins de 2 ans', 'tenure:3': 'Nouveau client (moins de 6 mois)',
  'collective_procedure:': 'Procédure collective en cours : client en défaut', 'external_rating:4': 'Note externe faible (D) : note plafonnée à C',
  'external_rating:5': 'Note externe très faible (E) : note plafonnée à D',
  'external_rating:1': 'Bonne note externe (A), rien d’échu : pas de note E', 'external_rating:2': 'Bonne note externe (B), rien d’échu : pas de note E',
};

const reasonsEn: Record<string, string> = {
  'max_days_past_due:2': 'Invoice 1–15 days past due', 'max_days_past_due:3': 'Invoice 16–30 days past due', 'max_days_past_due:4': 'Invoice 31–60 days past due',
  'max_days_past_due:5': 'Invoice 61–90 days past due', 'max_days_past_due:6': 'Invoice more than 90 days past due',
  'days_late_12m:0': 'No payment in 12 months', 'days_late_12m:2': 'Pays 1–5 days late on average over 12 months, early payments counted as on time',
  'days_late_12m:3': 'Pays 6–15 days late on average over 12 months, early payments counted as on time',
  'days_late_12m:4': 'Pays 16–30 days late on average over 12 months, early payments counted as on time',
  'days_late_12m:5': 'Pays more than 30 days late on average over 12 months, early payments counted as on time',
  'days_late_trend:0': 'No recent payment to judge the trend', 'days_late_trend:2': 'Paying slightly later over 3 months',
  'days_late_trend:3': 'Paying later over 3 months', 'days_late_trend:4': 'Paying much later over 3 months',
  'share_over_60:2': 'Up to 25 % of the balance beyond 60 days past due', 'share_over_60:3': 'Over 25 % of the balance beyond 60 days past due',
  'share_disputed:2': 'Some invoices disputed over 12 months', 'share_disputed:3': 'Over 5 % of sales disputed over 12 months',
  'limit_usage:0': 'No credit limit granted', 'limit_usage:2': 'Credit limit over 50 % used', 'limit_usage:3': 'Credit limit nearly reached', 'limit_usage:4': 'Over the credit limit',
  'tenure:2': 'Relationship under 2 years', 'tenure:3': 'New client (under 6 months)',
  'collective_procedure:': 'Under a collective procedure: in default', 'external_rating:4': 'Poor external rating (D): grade capped at C',
  'external_rating:5': 'Very poor external rating (E): grade capped at D',
  'external_rating:1': 'Good external rating (A), nothing past due: never E', 'external_rating:2': 'Good external rating (B), nothing past due: never E',
};

/**
 * A reason whose band is no longer the client's (client_risk.reason_N_is_current false): the score
 * is smoothed over 12 months, so a band held in the window still costs points after the client left
 * it (a limit exceeded in April, a late invoice paid since). Worded in the past over the window,
 * never as a fact of today that the figures beside it would contradict. Feature codes only: an
 * override is always current.
 */
const pastReasonsFr: Record<string, string> = {
  'max_days_past_due:2': 'une facture a atteint 1 à 15 jours de retard', 'max_days_past_due:3': 'une facture a atteint 16 à 30 jours de retard',
  'max_days_past_due:4': 'une facture a atteint 31 à 60 jours de retard', 'max_days_past_due:5': 'une facture a atteint 61 à 90 jours de retard',
  'max_days_past_due:6': 'une facture a dépassé 90 jours de retard',
  'days_late_12m:0': 'aucun paiement sur 12 mois à une fin de mois', 'days_late_12m:2': 'a payé en moyenne 1 à 5 jours en retard, paiements en avance comptés à l’heure',
  'days_late_12m:3': 'a payé en moyenne 6 à 15 jours en retard, paiements en avance comptés à l’heure',
  'days_late_12m:4': 'a payé en moyenne 16 à 30 jours en retard, paiements en avance comptés à l’heure',
  'days_late_12m:5': 'a payé en moyenne plus de 30 jours en retard, paiements en avance comptés à l’heure',
  'days_late_trend:0': 'pas de paiement récent pour juger la tendance', 'days_late_trend:2': 'retards de paiement en légère hausse sur 3 mois',
  'days_late_trend:3': 'retards de paiement en hausse sur 3 mois', 'days_late_trend:4': 'retards de paiement en forte hausse sur 3 mois',
  'share_over_60:2': 'jusqu’à 25 % de l’encours a été à plus de 60 jours de retard', 'share_over_60:3': 'plus de 25 % de l’encours a été à plus de 60 jours de retard',
  'share_disputed:2': 'quelques factures en litige', 'share_disputed:3': 'plus de 5 % du chiffre d’affaires en litige',
  'limit_usage:0': 'pas de limite de crédit accordée à une fin de mois', 'limit_usage:2': 'limite de crédit utilisée à plus de 50 %',
  'limit_usage:3': 'limite de crédit presque atteinte', 'limit_usage:4': 'limite de crédit dépassée',
  'tenure:2': 'relation de moins de 2 ans', 'tenure:3': 'client nouveau (moins de 6 mois)',
};

const pastReasonsEn: Record<string, string> = {
  'max_days_past_due:2': 'an invoice reached 1–15 days past due', 'max_days_past_due:3': 'an invoice reached 16–30 days past due',
  'max_days_past_due:4': 'an invoice reached 31–60 days past due', 'max_days_past_due:5': 'an invoice reached 61–90 days past due',
  'max_days_past_due:6': 'an invoice went beyond 90 days past due',
  'days_late_12m:0': 'no payment in 12 months at a month end', 'days_late_12m:2': 'paid 1–5 days late on average, early payments counted as on time',
  'days_late_12m:3': 'paid 6–15 days late on average, early payments counted as on time',
  'days_late_12m:4': 'paid 16–30 days late on average, early payments counted as on time',
  'days_late_12m:5': 'paid more than 30 days late on average, early payments counted as on time',
  'days_late_trend:0': 'no recent payment to judge the trend', 'days_late_trend:2': 'paying slightly later over 3 months',
  'days_late_trend:3': 'paying later over 3 months', 'days_late_trend:4': 'paying much later over 3 months',
  'share_over_60:2': 'up to 25 % of the balance was beyond 60 days past due', 'share_over_60:3': 'over 25 % of the balance was beyond 60 days past due',
  'share_disputed:2': 'some invoices disputed', 'share_disputed:3': 'over 5 % of sales disputed',
  'limit_usage:0': 'no credit limit granted at a month end', 'limit_usage:2': 'credit limit over 50 % used',
  'limit_usage:3': 'credit limit nearly reached', 'limit_usage:4': 'over the credit limit',
  'tenure:2': 'relationship under 2 years', 'tenure:3': 'new client (under 6 months)',
};

/**
 * Words a reason code with its band and the points it costs: in the present from the first table
 * when its band is the client's now (or when the warehouse does not say), else in the past over
 * the window, after `pastLead`, from the second.
 */
function wordReason(
  tables: { present: Record<string, string>; past: Record<string, string>; pastLead: string },
  code: string, band: number | null, points: number | null, isCurrent: boolean | null, unit: string,
): string {
  const key = `${code}:${band ?? ''}`;
  const past = isCurrent === false ? tables.past[key] : undefined;
  const words = past === undefined ? tables.present[key] ?? code : `${tables.pastLead}${past}`;
  return points ? `${words} (−${points} ${unit})` : words;
}
const wordingFr = { present: reasonsFr, past: pastReasonsFr, pastLead: 'Au cours des 12 derniers mois : ' };
const wordingEn = { present: reasonsEn, past: pastReasonsEn, pastLead: 'In the last 12 months: ' };

const fr = {
  scores: {
    title: 'Notation des clients',
    method: (method: string, months: string, defaults: string) =>
      method === 'fitted'
        ? `Grille ajustée sur l’historique de l’entreprise (${months} fins de mois d’apprentissage, ${defaults} défauts).`
        : `Historique trop court pour ajuster la grille (${months} fins de mois, ${defaults} défauts) : la grille experte documentée est utilisée.`,
    validation: 'Validation hors échantillon (12 fins de mois après l’apprentissage)',
    rule: 'Règle',
    model: 'Score',
    naive: 'Règle naïve : retard maximal actuel',
    observations: 'Observations',
    defaults: 'Défauts',
    grades: 'Taux de défaut observé par note',
    grade: 'Note',
    defaultRate: 'Taux de défaut',
    points: 'Points par tranche',
    feature: 'Critère',
    band: 'Tranche',
    pointsColumn: 'Points',
    verdict: { better: 'Le score classe mieux les défauts que le seul retard maximal.', worse: 'Le score ne fait PAS mieux que le seul retard maximal.', not_enough_history: 'Pas assez d’historique pour valider le score hors échantillon.' },
    calibrationNone: 'Aucune fin de mois hors de la période d’apprentissage à comparer : les notes ne sont pas encore confrontées aux défauts observés.',
    calibration: 'Calibrage hors échantillon : PD prévue et taux de défaut observé par note',
    meanPd: 'PD moyenne prévue',
    interval: 'Intervalle à 95 % (Wilson)',
    calibrationAlt: (summary: string) => `Par note, la probabilité de défaut moyenne prévue face au taux de défaut observé à 12 mois, avec son intervalle à 95 % : ${summary}.`,
    roc: 'Courbe ROC hors échantillon : score et règle naïve',
    rocX: 'Part des non-défaillants signalés',
    rocY: 'Part des défaillants signalés',
    rocAlt: (model: string, naive: string) => `Courbes ROC du score (AUC ${model}) et de la règle naïve du retard maximal (AUC ${naive}) sur l’échantillon de validation.`,
    migration: (from: string, to: string) => `Migration des notes du ${from} au ${to} (clients notés aux deux dates ; en ligne la note d’il y a 12 mois)`,
    meaning: 'A : risque très faible, vendre librement · B : faible, conditions habituelles · C : modéré, surveiller, relances plus tôt · D : élevé, délais courts ou garanties · E : très élevé ou en défaut, comptant ou garanti, recouvrer.',
    features: { max_days_past_due: 'Retard maximal (jours)', days_late_12m: 'Retard au règlement sur 12 mois, avance comptée 0', days_late_trend: 'Tendance des retards (3 mois − 12 mois)', share_over_60: 'Part de l’encours à plus de 60 jours', share_disputed: 'Part des factures en litige', limit_usage: 'Utilisation de la limite', tenure: 'Ancienneté' } as Record<string, string>,
    // The words of a band of the scorecard around its edges (score_model.band_unit, band_above,
    // band_up_to), put together by format.ts's scoreBandLabel: the edges are written once, in SQL.
    bandWords: {
      noValue: 'pas de donnée',
      missing: { days_late_12m: 'pas d’historique', days_late_trend: 'pas d’historique', limit_usage: 'pas de limite' } as Record<string, string>,
      none: { days_past_due: 'aucun retard', days_late: 'à l’heure', days_late_change: 'stable ou en mieux', share: 'aucune' } as Record<string, string>,
      range: (from: string, to: string) => `${from} à ${to}`,
      upTo: (to: string) => `jusqu’à ${to}`,
      over: (from: string) => `plus de ${from}`,
      orMore: (from: string) => `${from} ou plus`,
      under: (to: string) => `moins de ${to}`,
      days: (n: string) => `${n} jours`,
      months: (n: string) => `${n} mois`,
    },
  },
  score: {
    title: 'Score de crédit et limite',
    axis: 'Score',
    history: 'Note et score, 12 dernières fins de mois',
    fallback: 'note de repli',
    expertNote: 'Grille experte : l’historique est encore trop court pour ajuster la note sur les défauts de vos clients (page Notation). À confirmer par ce que vous savez du client.',
    pd: 'Probabilité de défaut à 12 mois',
    recommended: 'Limite recommandée',
    granted: 'Limite accordée',
    exposure: 'Exposition',
    usage: 'Utilisation de la limite',
    uninsured: 'Exposition non assurée',
    reason: (code: string, band: number | null, points: number | null, isCurrent: boolean | null) => wordReason(wordingFr, code, band, points, isCurrent, 'pts'),
    zeroLimit: {
      collective_procedure: 'procédure collective', grade_e: 'note E', insurer_refused: 'l’assureur refuse la couverture', no_sales: 'aucune vente sur la période',
      below_rounding: 'sous le pas d’arrondi',
    } as Record<string, string>,
    zeroLimitWhy: (why: string) => `Limite nulle : ${why}`,
    overInsured: 'Exposition au-delà de la limite assurée',
  },
  collections: {
    /** The colon before a value: French sets a no-break space before it. */
    colon: '\u00a0: ',
    title: 'Relances du jour',
    actions: 'Actions à mener',
    openInWorklist: 'Encours concerné',
    penaltiesOpen: 'Pénalités réclamables maintenant',
    penaltiesOpenNote: (n: string, plural: Intl.LDMLPluralRule) => (plural === 'one' ? `sur ${n} facture ouverte en retard` : `sur ${n} factures ouvertes en retard`),
    penaltiesOpenHelp: (points: string, indemnity: string) =>
      `Sur les factures encore ouvertes et échues : intérêts au taux BCE du semestre + ${points} points, au prorata des jours de retard, plus ${indemnity} d’indemnité forfaitaire par facture (Code de commerce L441-10, D441-5). Hors clients en procédure collective : leurs pénalités sont à déclarer.`,
    penaltiesToDeclare: 'Pénalités à déclarer (procédures collectives)',
    penaltiesToDeclareNote: (n: string, plural: Intl.LDMLPluralRule) => (plural === 'one' ? `sur ${n} facture ouverte` : `sur ${n} factures ouvertes`),
    penaltiesToDeclareHelp: 'Clients en procédure collective : le jugement d’ouverture arrête le cours des intérêts (L622-28) et suspend les poursuites (L622-21). Les pénalités courues jusqu’à la date du jugement sont à déclarer au mandataire avec la créance, rien n’est réclamable au client.',
    penaltiesPaidLate: 'Pénalités courues sur factures payées en retard',
    penaltiesPaidLateNote: (n: string, plural: Intl.LDMLPluralRule, since: string) =>
      plural === 'one' ? `${n} facture soldée en retard, échue depuis le ${since}` : `${n} factures soldées en retard, échues depuis le ${since}`,
    penaltiesPaidLateHelp: 'Même calcul sur les factures déjà réglées, mais après leur échéance : des pénalités dues en droit sur tout l’historique, que rien dans les exports ne montre réclamées. Non comprises dans les pénalités réclamables maintenant.',
    penaltiesNotApplicable: 'Sans objet',
    penaltiesNotApplicableNote: 'Pénalités de retard du droit français (L441-10) non calculées pour cette société (réglage penalties.enabled, actif par défaut pour une société en euros).',
    filterStage: 'Étape',
    filterRep: 'Commercial',
    filterSegment: 'Segment',
    clientId: 'Code client',
    dueDate: 'Échéance',
    capped: (shown: string, total: string) => `Les ${shown} premières actions sur ${total}, par priorité, sont affichées ; le fichier CSV les contient toutes.`,
    downloadAll: (n: string, plural: Intl.LDMLPluralRule) => (plural === 'one' ? 'Télécharger l’action (CSV)' : `Télécharger les ${n} actions (CSV)`),
    all: { stage: 'Toutes', rep: 'Tous', segment: 'Tous' } as Record<'stage' | 'rep' | 'segment', string>,
    priority: 'Priorité',
    client: 'Client',
    invoice: 'Facture',
    stage: 'Étape',
    reason: 'Motif',
    open: 'Reste dû',
    days: 'Jours / échéance',
    grade: 'Note',
    expectedLoss: 'Perte attendue',
    stages: stagesFr,
    procedures: proceduresFr,
    alertDetail: (a: AlertParts, money: (amount: number | null) => string): string => {
      switch (a.alert) {
        case 'overdue_90': return `Facture ${a.invoice_id} à plus de 90 jours de retard`;
        case 'overdue_60': return `Facture ${a.invoice_id} à plus de 60 jours de retard`;
        case 'over_limit': return `Encours dépassant de ${money(a.amount)} la limite de crédit de ${money(a.limit_amount)}`;
        case 'grade_drop': return `Note passée de ${a.previous_grade} à ${a.grade} depuis la dernière fin de mois`;
        case 'collective_procedure': return `Procédure collective (${proceduresFr[a.collective_procedure ?? ''] ?? a.collective_procedure}) : arrêter les relances et déclarer la créance`;
        case 'claim_foreclosed': return `Procédure collective (${proceduresFr[a.collective_procedure ?? ''] ?? a.collective_procedure}) : créance non déclarée et délai du relevé de forclusion passé, ${money(a.amount)} à passer en perte`;
        case 'days_late_worsening': return `Paie avec ${a.days_late_calendar_3m} jours de retard sur les 3 derniers mois civils, contre ${a.days_late_calendar_12m} sur les 12 derniers`;
        case 'terms_beyond_legal_ceiling':
          return `Conditions « ${a.payment_terms} » : échéances jusqu’à ${a.longest_days} jours après la facture, au-delà du plafond légal (60 jours date de facture ou 45 jours fin de mois)`;
        case 'promise_broken': return `Promesse non tenue : ${money(a.amount)} encore dus`;
        default: return a.detail;
      }
    },
    dunningReason: (r: DunningReasonParts): string => postJudgmentFr(r) + ((): string => {
      if (r.stage === 'claim_foreclosed') {
        return `Procédure collective (${proceduresFr[r.collective_procedure ?? ''] ?? r.collective_procedure}) : créance non déclarée dans le délai (le ${dmy(r.claim_deadline_date)}) ni relevé de forclusion demandé dans les six mois du jugement (le ${dmy(r.relief_deadline_date)}, L622-26) : elle ne peut plus être admise ; à passer en perte (ou à provisionner en totalité), plus rien à relancer`;
      }
      if (r.stage === 'declare_claim') {
        return `Procédure collective (${proceduresFr[r.collective_procedure ?? ''] ?? r.collective_procedure}) : relances suspendues (L622-21) ; déclarer la créance au mandataire dans les deux mois de la publication du jugement au BODACC, quatre hors de France métropolitaine (R622-24)${claimDeadlineFr(r)}`;
      }
      const { scheduled, day, startDay } = scheduleOf(r);
      const stage = (stagesFr[scheduled] ?? scheduled).toLowerCase();
      if (r.stage === 'paused_promise') return `Promesse de paiement pour le ${dmy(r.paused_until_date)} : relances suspendues jusque-là (sinon : ${stage})`;
      if (r.stage === 'paused_do_not_chase') return `Ne pas relancer jusqu’au ${dmy(r.paused_until_date)} (sinon : ${stage})`;
      if (r.is_disputed || r.stage === 'paused_dispute') return `En litige : relances suspendues jusqu’au règlement du litige (sinon : ${stage})`;
      if (r.days_from_due < 0) return `Échéance dans ${daysRange(r, 'à', -1)} jours : ${stage} dès ${-day} jours avant l’échéance`;
      if (r.days_from_due === 0) return `Échéance aujourd’hui : ${stage} dès ${-day} jours avant l’échéance`;
      if (r.shift_days > 0) return `${daysRange(r, 'à')} jours de retard : ${stage} dès le jour ${startDay} (jour ${day}, avancé de ${r.shift_days} jours pour la note ${r.grade})`;
      return `${daysRange(r, 'à')} jours de retard : ${stage} dès le jour ${day}`;
    })(),
    /** A client's alerts of one kind, when it has several (clientAlertKinds): how many, and the amount at stake. */
    alertKindDetail: (alert: string, n: string, plural: Intl.LDMLPluralRule, amount: string): string => {
      switch (alert) {
        case 'overdue_90': return `${n} ${plural === 'one' ? 'facture' : 'factures'} à plus de 90 jours de retard, reste dû ${amount}`;
        case 'overdue_60': return `${n} ${plural === 'one' ? 'facture' : 'factures'} à plus de 60 jours de retard, reste dû ${amount}`;
        case 'promise_broken': return plural === 'one' ? `${n} promesse non tenue : ${amount} encore dus` : `${n} promesses non tenues : ${amount} encore dus`;
        default: return plural === 'one' ? `${n} alerte` : `${n} alertes`;
      }
    },
    clientDunning: 'Relances du jour sur ses factures',
    penalties: 'Pénalités de retard exigibles par client',
    interest: 'Intérêts',
    indemnity: 'Indemnités',
    total: 'Réclamable (factures ouvertes)',
    totalPaidLate: 'Couru (factures payées en retard)',
    totalAllClients: 'Total',
    missingRate: (days: string) => `${days} jours de retard postérieurs au dernier semestre du barème BCE ne sont pas chiffrés : ajoutez le taux dans data/reference/ecb_rates.csv.`,
    alerts: 'Alertes',
    alertsByKind: 'Alertes par type, les plus coûteuses en premier',
    alertKind: 'Type',
    alertCount: 'Alertes',
    alertClients: 'Clients',
    atStake: 'Montant en jeu',
    atStakeHelp: 'Le reste dû dont parle chaque alerte, une seule mesure pour toutes : factures en retard, dépassement de limite, promesse non tenue, impayés échus ou encours du client.',
    atStakeOf: {
      overdue_60: 'Reste dû des factures concernées', overdue_90: 'Reste dû des factures concernées', over_limit: 'Encours au-delà des limites de crédit',
      promise_broken: 'Reste dû des factures couvertes par les promesses non tenues',
      grade_drop: 'Impayés échus des clients concernés', days_late_worsening: 'Impayés échus des clients concernés',
      collective_procedure: 'Encours des clients concernés (créance à déclarer)', terms_beyond_legal_ceiling: 'Encours des clients concernés',
      claim_foreclosed: 'Reste dû des factures forcloses (à passer en perte)',
    } as Record<string, string>,
    allAlerts: 'Toutes les alertes, client par client →',
    noAlerts: 'Aucune alerte.',
    alertTypes: {
      overdue_60: 'Retard > 60 jours', overdue_90: 'Retard > 90 jours', over_limit: 'Limite de crédit dépassée',
      grade_drop: 'Note dégradée', collective_procedure: 'Procédure collective', days_late_worsening: 'Retards en hausse', terms_beyond_legal_ceiling: 'Délai au-delà du plafond légal',
      promise_broken: 'Promesse non tenue', claim_foreclosed: 'Créance forclose',
    } as Record<string, string>,
    since: 'Depuis le',
    riskGrade: 'Note',
    riskGradeHelp: 'La note du score de crédit à la dernière fin de mois, qui pilote relances, alertes et limites.',
    fallbackGradeHelp: 'Note par défaut (client sans score à la dernière fin de mois) : la probabilité de défaut moyenne des clients notés, E en procédure collective.',
  },
  kpis: {
    title: 'Indicateurs du poste clients',
    dso: 'DSO (épuisement du CA)',
    add: 'Retard de l’encours (ADD)',
    cei: 'Efficacité du recouvrement (CEI)',
    overdueRate: 'Part échue',
    badDebtRate: 'Créances irrécouvrables (12 mois)',
    days: (n: string) => `${n} j`,
    overMonth: 'sur un mois',
    dsoTrend: 'DSO par épuisement du CA, 24 derniers mois',
    dsoAxis: 'Jours',
    dsoAlt: (first: string, last: string, latest: string) => `Courbe du DSO par épuisement du chiffre d'affaires, chaque fin de mois de ${first} à ${last}. Dernier mois : ${latest}.`,
    notYet: 'Pas encore assez d’historique.',
    notComputed: 'Non calculé',
    noSettlements: 'Les exports ne datent aucun règlement : il faut les paiements (ou plusieurs balances âgées successives).',
    dsoCapped: 'L’encours dépasse toutes les ventes des exports : les mois à épuiser n’y sont pas (balance âgée, ou solde reporté).',
  },
  provisions: {
    title: 'Provisions pour créances douteuses',
    matrixTotal: 'Matrice de provisionnement (IFRS 9)',
    matrixHelp: 'Encours par tranche × taux de perte de la tranche observé sur l’historique (pertes à 12 mois / encours).',
    specificTotal: 'Provisions spécifiques',
    specificHelp: 'Clients ou factures douteux (procédure collective, litige, retard au-delà du seuil) provisionnés sur leur montant ouvert au taux de leur motif.',
    bookedTotal: 'Provisions comptabilisées (491)',
    bookedHelp: 'Solde des comptes de provisions 491 du FEC à la dernière fin de mois, pour comparaison avec les provisions calculées.',
    matrix: 'Matrice à la dernière fin de mois',
    bucket: 'Tranche',
    balance: 'Encours',
    lossRate: 'Taux de perte',
    provision: 'Provision',
    lossRates: 'Taux de perte par tranche',
    lossRatesAxis: 'Taux de perte',
    lossRatesAlt: (summary: string) => `Taux de perte à 12 mois par tranche de retard : ${summary}.`,
    rollRates: 'Taux de roulement mensuels (moyenne des 12 derniers mois)',
    flowRate: 'Passe à la tranche suivante',
    writeoffRate: 'Passé en perte',
    specific: 'Provisions spécifiques à la date de situation',
    client: 'Client',
    basis: 'Motif',
    baseExclTax: 'Encours',
    /** The one base of both books (provision_summary.provision_base), said on the page. */
    base: {
      excl_tax: 'Les deux méthodes portent sur les montants hors TVA récupérable : le montant HT de l’export au prorata du reste dû, à défaut le TTC divisé par 1 + le taux de TVA par défaut (réglage provisions.vatRate). La TVA d’une créance perdue se récupère, elle n’est pas provisionnée.',
      incl_tax: 'Les deux méthodes portent sur les montants TTC : la TVA n’est pas récupérable (réglage provisions.vatRecoverable désactivé, ce qu’il est par défaut pour une entreprise hors de France).',
    } as Record<string, string>,
    rate: 'Taux',
    bases: { liquidation: 'Liquidation judiciaire', receivership: 'Redressement judiciaire', safeguard: 'Sauvegarde', foreclosed: 'Créance forclose (non déclarée)', doubtful: 'Client douteux (416)', dispute: 'Litige', overdue: 'Retard au-delà du seuil' } as Record<string, string>,
    verdict: {
      holds: (ratio: string, n: string) => `Le contrôle a posteriori tient : sur les ${n} dernières fins de mois contrôlées, les pertes des 12 mois suivants valent ${ratio} fois la provision (cible entre 0,5 et 2).`,
      under_provisioned: (ratio: string, n: string) => `Le contrôle a posteriori NE tient PAS : sur les ${n} dernières fins de mois contrôlées, les pertes valent ${ratio} fois la provision — la matrice sous-provisionne.`,
      over_provisioned: (ratio: string, n: string) => `Le contrôle a posteriori NE tient PAS : sur les ${n} dernières fins de mois contrôlées, les pertes valent ${ratio} fois la provision — la matrice sur-provisionne.`,
      not_enough_history: () => 'Historique trop court pour contrôler la matrice a posteriori : les taux de perte prudents documentés sont utilisés.',
    } as Record<string, (ratio: string, n: string) => string>,
    toBook: (amount: string, specific: string, matrix: string, overlap: string) =>
      `Provision à comptabiliser : ${amount} — pour chaque client et tranche, la plus élevée de la provision spécifique (${specific} au total) et de la matrice (${matrix} au total ; ${overlap} de matrice portent sur des encours déjà provisionnés spécifiquement).`,
    change: (amount: string, date: string) => `Variation de la matrice depuis la fin de mois précédente (${date}) : ${amount}.`,
    prudent: (months: string, rates: string) => `Historique de moins de ${months} fins de mois dont l’issue est connue : taux de perte prudents documentés (${rates}).`,
    backtest: 'Contrôle a posteriori de la matrice',
    backtestHelp: 'La provision estimée à chaque fin de mois, avec les taux connus alors, face aux pertes constatées dans les 12 mois suivants sur les factures alors ouvertes.',
    monthEnd: 'Fin de mois',
    estimated: 'Provision estimée',
    writtenOff: 'Pertes des 12 mois suivants',
    ratio: 'Pertes / provision',
    none: 'Aucune.',
  },
  forecast: {
    title: 'Prévision d’encaissements sur 13 semaines',
    scope: 'Encaissements attendus des créances d’aujourd’hui seulement : les factures à émettre dans les semaines à venir n’y sont pas, d’où la baisse des dernières semaines.',
    noSettlements: 'Non calculée : les exports ne datent aucun règlement, et la prévision place chaque facture selon les retards de paiement observés du client. Sans eux, tout l’encours, retards compris, tomberait la semaine prochaine. Ajoutez le fichier des paiements, ou gardez les balances âgées successives.',
    expected: 'Encaissements attendus',
    band: 'Fourchette',
    week: 'Semaine (lundi – dimanche)',
    weekOf: (monday: string) => `du lundi ${monday}`,
    weekFrom: (monday: string, from: string) => `du lundi ${monday}, à partir du ${from}`,
    invoices: 'Factures',
    total: 'Créances actuelles encaissées en 13 semaines',
    chartAlt: (total: string) => `Barres des encaissements attendus chaque semaine sur 13 semaines, avec leur fourchette ; total ${total}.`,
    axis: (symbol: string) => `Encaissements (${symbol})`,
    backtest: 'Erreur mesurée sur l’historique',
    backtestText: (dates: string, model: string, naive: string) =>
      `Refaite à ${dates} fins de mois passées avec l’historique connu alors, la prévision s’est écartée des encaissements réels de ${model} (erreur absolue pondérée), contre ${naive} pour la prévision naïve « tout est payé à l’échéance ».`,
    method: (disputed: string, over90: string) =>
      `Chaque facture ouverte est attendue à son échéance + le retard au règlement habituel du client sur 12 mois (celui de son segment s’il a peu d’historique) ; une facture déjà plus en retard que cela, ce même retard plus tard encore à partir d’aujourd’hui (jamais toutes le lendemain) ; ${disputed} seulement d’une facture en litige et ${over90} d’une facture à plus de 90 jours de retard ; rien des clients en procédure collective (un dividende incertain). La semaine 1 commence au premier jour ouvré qui suit la date de situation. La fourchette est ± l’erreur mesurée sur l’historique.`,
  },
};

export type FinanceLabels = typeof fr;

const en: FinanceLabels = {
  scores: {
    title: 'Client credit scores',
    method: (method, months, defaults) =>
      method === 'fitted'
        ? `Scorecard fitted on the company's history (${months} training month ends, ${defaults} defaults).`
        : `History too short to fit the scorecard (${months} month ends, ${defaults} defaults): the documented expert scorecard is used.`,
    validation: 'Out-of-time validation (the 12 month ends after training)',
    rule: 'Rule',
    model: 'Score',
    naive: 'Naive rule: current maximum days past due',
    observations: 'Observations',
    defaults: 'Defaults',
    grades: 'Observed default rate by grade',
    grade: 'Grade',
    defaultRate: 'Default rate',
    points: 'Points per band',
    feature: 'Feature',
    band: 'Band',
    pointsColumn: 'Points',
    verdict: { better: 'The score ranks defaulters better than the maximum days past due alone.', worse: 'The score does NOT beat the maximum days past due alone.', not_enough_history: 'Not enough history to validate the score out of time.' },
    calibrationNone: 'No month end outside the training period to compare with: the grades are not yet checked against observed defaults.',
    calibration: 'Out-of-time calibration: predicted PD and observed default rate by grade',
    meanPd: 'Mean predicted PD',
    interval: '95 % interval (Wilson)',
    calibrationAlt: (summary) => `By grade, the mean predicted probability of default against the observed 12-month default rate, with its 95 % interval: ${summary}.`,
    roc: 'Out-of-time ROC curve: the score and the naive rule',
    rocX: 'Share of non-defaulters flagged',
    rocY: 'Share of defaulters flagged',
    rocAlt: (model, naive) => `ROC curves of the score (AUC ${model}) and of the naive maximum-days-past-due rule (AUC ${naive}) on the validation sample.`,
    migration: (from, to) => `Grade migration from ${from} to ${to} (clients scored at both dates; rows: the grade 12 months earlier)`,
    meaning: 'A: very low risk, sell freely · B: low, usual terms · C: moderate, watch, earlier reminders · D: high, short terms or guarantees · E: very high or in default, cash or secured only, collect.',
    features: { max_days_past_due: 'Maximum days past due', days_late_12m: 'Days late at settlement over 12 months, early counted as 0', days_late_trend: 'Days-late trend (3 months − 12 months)', share_over_60: 'Share of the balance beyond 60 days', share_disputed: 'Share of invoices disputed', limit_usage: 'Credit-limit usage', tenure: 'Tenure' },
    bandWords: {
      noValue: 'no data',
      missing: { days_late_12m: 'no history', days_late_trend: 'no history', limit_usage: 'no limit' },
      none: { days_past_due: 'not overdue', days_late: 'on time', days_late_change: 'steady or better', share: 'none' },
      range: (from, to) => `${from}–${to}`,
      upTo: (to) => `up to ${to}`,
      over: (from) => `over ${from}`,
      orMore: (from) => `${from} or more`,
      under: (to) => `under ${to}`,
      days: (n) => `${n} days`,
      months: (n) => `${n} months`,
    },
  },
  score: {
    title: 'Credit score and limit',
    axis: 'Score',
    history: 'Grade and score, last 12 month ends',
    fallback: 'fallback grade',
    expertNote: 'Expert scorecard: the history is still too short to fit the grade on your clients’ defaults (Scores page). Weigh it against what you know of the client.',
    pd: '12-month probability of default',
    recommended: 'Recommended limit',
    granted: 'Granted limit',
    exposure: 'Exposure',
    usage: 'Limit usage',
    uninsured: 'Uninsured exposure',
    reason: (code, band, points, isCurrent) => wordReason(wordingEn, code, band, points, isCurrent, 'pts'),
    zeroLimit: { collective_procedure: 'collective procedure', grade_e: 'grade E', insurer_refused: 'the insurer refused cover', no_sales: 'no sales in the period', below_rounding: 'below the rounding step' },
    zeroLimitWhy: (why) => `Zero limit: ${why}`,
    overInsured: 'Exposure above the insured limit',
  },
  collections: {
    colon: ': ',
    title: "Today's collections",
    actions: 'Actions to take',
    openInWorklist: 'Receivables concerned',
    penaltiesOpen: 'Penalties claimable now',
    penaltiesOpenNote: (n, plural) => (plural === 'one' ? `on ${n} open overdue invoice` : `on ${n} open overdue invoices`),
    penaltiesOpenHelp: (points, indemnity) =>
      `On the invoices still open and past due: interest at the ECB rate of the half-year + ${points} points, pro rata of days late, plus a fixed ${indemnity} recovery indemnity per invoice (French Commercial Code L441-10, D441-5). Clients under a collective procedure aside: their penalties are to declare.`,
    penaltiesToDeclare: 'Penalties to declare (collective procedures)',
    penaltiesToDeclareNote: (n, plural) => (plural === 'one' ? `on ${n} open invoice` : `on ${n} open invoices`),
    penaltiesToDeclareHelp: 'Clients under a collective procedure: the opening judgment stops interest (L622-28) and suspends individual action (L622-21). The penalties accrued up to the judgment’s date are to declare to the mandataire with the claim; nothing is claimable from the client.',
    penaltiesPaidLate: 'Penalties accrued on invoices paid late',
    penaltiesPaidLateNote: (n, plural, since) => (plural === 'one' ? `${n} invoice settled late, due since ${since}` : `${n} invoices settled late, due since ${since}`),
    penaltiesPaidLateHelp: 'The same reckoning on invoices already settled, but after their due date: penalties owed in law over the whole history, which nothing in the exports shows as claimed. Not included in the penalties claimable now.',
    penaltiesNotApplicable: 'Not applicable',
    penaltiesNotApplicableNote: 'French late-payment penalties (L441-10) are not computed for this company (setting penalties.enabled, on by default for a company in euros).',
    filterStage: 'Stage',
    filterRep: 'Sales rep',
    filterSegment: 'Segment',
    clientId: 'Client code',
    dueDate: 'Due date',
    capped: (shown, total) => `The first ${shown} of ${total} actions by priority are shown; the CSV file holds them all.`,
    downloadAll: (n, plural) => (plural === 'one' ? 'Download the action (CSV)' : `Download all ${n} actions (CSV)`),
    all: { stage: 'All', rep: 'All', segment: 'All' },
    priority: 'Priority',
    client: 'Client',
    invoice: 'Invoice',
    stage: 'Stage',
    reason: 'Reason',
    open: 'Open',
    days: 'Days from due',
    grade: 'Grade',
    expectedLoss: 'Expected loss',
    stages: stagesEn,
    procedures: { safeguard: 'Safeguard', receivership: 'Receivership', liquidation: 'Liquidation' } as Record<string, string>,
    alertDetail: (a: AlertParts, money: (amount: number | null) => string): string => {
      switch (a.alert) {
        case 'overdue_90': return `Invoice ${a.invoice_id} is more than 90 days past due`;
        case 'overdue_60': return `Invoice ${a.invoice_id} is more than 60 days past due`;
        case 'over_limit': return `Exposure ${money(a.amount)} over the credit limit of ${money(a.limit_amount)}`;
        case 'grade_drop': return `Grade dropped from ${a.previous_grade} to ${a.grade} since the last month end`;
        case 'collective_procedure': return `Collective procedure (${a.collective_procedure}): stop dunning and declare the claim`;
        case 'claim_foreclosed': return `Collective procedure (${a.collective_procedure}): claim not declared and the time to ask for relief from the foreclosure passed, ${money(a.amount)} to write off`;
        case 'days_late_worsening': return `Pays ${a.days_late_calendar_3m} days late over the last 3 calendar months, against ${a.days_late_calendar_12m} over the last 12`;
        case 'terms_beyond_legal_ceiling':
          return `Terms “${a.payment_terms}”: due dates up to ${a.longest_days} days after the invoice, beyond the legal ceiling (60 days from the invoice date, or 45 days end of month)`;
        case 'promise_broken': return `Promise not kept: ${money(a.amount)} still open`;
        default: return a.detail;
      }
    },
    dunningReason: (r: DunningReasonParts): string => postJudgmentEn(r) + ((): string => {
      if (r.stage === 'claim_foreclosed') {
        return `Collective procedure (${r.collective_procedure}): claim not declared by ${dmy(r.claim_deadline_date)} and no relief from the foreclosure asked by ${dmy(r.relief_deadline_date)} (six months after the judgment, L622-26): it cannot be admitted any more; to write off (or provide for in full), nothing left to chase`;
      }
      if (r.stage === 'declare_claim') {
        return `Collective procedure (${r.collective_procedure}): dunning suspended (L622-21); declare the claim to the mandataire within two months of the judgment's publication in the BODACC, four outside metropolitan France (R622-24)${claimDeadlineEn(r)}`;
      }
      const { scheduled, day, startDay } = scheduleOf(r);
      const stage = (stagesEn[scheduled] ?? scheduled).toLowerCase();
      if (r.stage === 'paused_promise') return `Promise to pay by ${dmy(r.paused_until_date)}: dunning paused until then (${stage} otherwise)`;
      if (r.stage === 'paused_do_not_chase') return `Do not chase until ${dmy(r.paused_until_date)} (${stage} otherwise)`;
      if (r.is_disputed || r.stage === 'paused_dispute') return `Disputed: dunning paused until the dispute is settled (${stage} otherwise)`;
      if (r.days_from_due < 0) return `Due in ${daysRange(r, 'to', -1)} days: ${stage} from ${-day} days before the due date`;
      if (r.days_from_due === 0) return `Due today: ${stage} from ${-day} days before the due date`;
      if (r.shift_days > 0) return `${daysRange(r, 'to')} days past due: ${stage} from day ${startDay} (day ${day}, ${r.shift_days} days earlier for grade ${r.grade})`;
      return `${daysRange(r, 'to')} days past due: ${stage} from day ${day}`;
    })(),
    alertKindDetail: (alert, n, plural, amount) => {
      switch (alert) {
        case 'overdue_90': return `${n} ${plural === 'one' ? 'invoice' : 'invoices'} more than 90 days past due, ${amount} open`;
        case 'overdue_60': return `${n} ${plural === 'one' ? 'invoice' : 'invoices'} more than 60 days past due, ${amount} open`;
        case 'promise_broken': return `${n} ${plural === 'one' ? 'promise' : 'promises'} not kept: ${amount} still open`;
        default: return plural === 'one' ? `${n} alert` : `${n} alerts`;
      }
    },
    clientDunning: 'Today’s dunning actions on its invoices',
    penalties: 'Late-payment penalties claimable by client',
    interest: 'Interest',
    indemnity: 'Indemnities',
    total: 'Claimable (open invoices)',
    totalPaidLate: 'Accrued (invoices paid late)',
    totalAllClients: 'Total',
    missingRate: (days) => `${days} days late after the ECB rate table's last half-year are not priced: add the rate to data/reference/ecb_rates.csv.`,
    alerts: 'Alerts',
    alertsByKind: 'Alerts by kind, the most costly first',
    alertKind: 'Kind',
    alertCount: 'Alerts',
    alertClients: 'Clients',
    atStake: 'Amount at stake',
    atStakeHelp: 'The open amount each alert is about, one measure for all: late invoices, exposure beyond the limit, a promise not kept, the client’s overdue amount or receivables.',
    atStakeOf: {
      overdue_60: 'Open amount of the invoices concerned', overdue_90: 'Open amount of the invoices concerned', over_limit: 'Exposure beyond the credit limits',
      promise_broken: 'Open amount of the invoices the broken promises cover',
      grade_drop: 'Overdue amount of the clients concerned', days_late_worsening: 'Overdue amount of the clients concerned',
      collective_procedure: 'Receivables of the clients concerned (the claim to declare)', terms_beyond_legal_ceiling: 'Receivables of the clients concerned',
      claim_foreclosed: 'Open amount of the foreclosed invoices (to write off)',
    },
    allAlerts: 'Every alert, client by client →',
    noAlerts: 'No alert.',
    alertTypes: {
      overdue_60: 'Over 60 days late', overdue_90: 'Over 90 days late', over_limit: 'Over credit limit',
      grade_drop: 'Grade dropped', collective_procedure: 'Collective procedure', days_late_worsening: 'Paying later and later', terms_beyond_legal_ceiling: 'Terms beyond the legal ceiling',
      promise_broken: 'Promise not kept', claim_foreclosed: 'Claim foreclosed',
    },
    since: 'Since',
    riskGrade: 'Grade',
    riskGradeHelp: 'The credit score’s grade at the latest month end, which drives dunning, alerts and limits.',
    fallbackGradeHelp: 'Fallback grade (no score at the latest month end): the average probability of default of the scored clients, E under a collective procedure.',
  },
  kpis: {
    title: 'Receivables indicators',
    dso: 'DSO (countback)',
    add: 'Days delinquent (ADD)',
    cei: 'Collection effectiveness (CEI)',
    overdueRate: 'Overdue rate',
    badDebtRate: 'Bad-debt rate (12 months)',
    days: (n) => `${n} d`,
    overMonth: 'over a month',
    dsoTrend: 'DSO by the countback method, last 24 months',
    dsoAxis: 'Days',
    dsoAlt: (first, last, latest) => `Line of the countback DSO at each month end from ${first} to ${last}. Latest: ${latest}.`,
    notYet: 'Not enough history yet.',
    notComputed: 'Not computed',
    noSettlements: 'The exports date no settlement: this needs the payments (or several open-balance snapshots in a row).',
    dsoCapped: 'The receivables exceed every sale in the exports: the months to count back are not in them (an open-balance snapshot, or a balance brought forward).',
  },
  provisions: {
    title: 'Provisions for doubtful receivables',
    matrixTotal: 'Provision matrix (IFRS 9)',
    matrixHelp: 'Receivables per bucket × the bucket’s loss rate observed in the history (written off within 12 months / balance).',
    specificTotal: 'Specific provisions',
    specificHelp: 'Doubtful clients or invoices (insolvency procedure, dispute, beyond the days-past-due threshold) provisioned on their open amount at the rate of their basis.',
    bookedTotal: 'Provisions booked (491)',
    bookedHelp: 'Balance of the FEC’s 491 provision accounts at the last month end, to compare with the computed provisions.',
    matrix: 'Matrix at the last month end',
    bucket: 'Bucket',
    balance: 'Receivables',
    lossRate: 'Loss rate',
    provision: 'Provision',
    lossRates: 'Loss rate by bucket',
    lossRatesAxis: 'Loss rate',
    lossRatesAlt: (summary) => `12-month loss rate by days-past-due bucket: ${summary}.`,
    rollRates: 'Monthly roll rates (average of the last 12 months)',
    flowRate: 'Rolls to the next bucket',
    writeoffRate: 'Written off',
    specific: 'Specific provisions at the as-of date',
    client: 'Client',
    basis: 'Basis',
    baseExclTax: 'Receivables',
    base: {
      excl_tax: 'Both methods are on amounts excluding recoverable VAT: the export’s amount excl. tax pro rata of what is open, else the amount incl. tax divided by 1 + the default VAT rate (setting provisions.vatRate). The VAT on a lost receivable is recovered, so it is not provided for.',
      incl_tax: 'Both methods are on amounts including tax: no VAT is recovered on a loss (setting provisions.vatRecoverable off, its default for a company outside France).',
    },
    rate: 'Rate',
    bases: { liquidation: 'Liquidation', receivership: 'Receivership', safeguard: 'Safeguard procedure', foreclosed: 'Claim foreclosed (not declared)', doubtful: 'Doubtful client (416)', dispute: 'Dispute', overdue: 'Beyond the overdue threshold' },
    verdict: {
      holds: (ratio: string, n: string) => `The backtest holds: over the latest ${n} backtested month ends, the losses of the next 12 months were ${ratio} times the provision (target 0.5 to 2).`,
      under_provisioned: (ratio: string, n: string) => `The backtest does NOT hold: over the latest ${n} backtested month ends, the losses were ${ratio} times the provision — the matrix under-provisions.`,
      over_provisioned: (ratio: string, n: string) => `The backtest does NOT hold: over the latest ${n} backtested month ends, the losses were ${ratio} times the provision — the matrix over-provisions.`,
      not_enough_history: () => 'Too short a history to backtest the matrix: the documented prudent loss rates are used.',
    },
    toBook: (amount, specific, matrix, overlap) =>
      `Provision to book: ${amount} — per client and bucket, the higher of the specific provision (${specific} in all) and the matrix (${matrix} in all; ${overlap} of the matrix is on balances already provided for specifically).`,
    change: (amount, date) => `Change in the matrix since the last month end (${date}): ${amount}.`,
    prudent: (months, rates) => `Fewer than ${months} month ends with a known outcome: documented prudent loss rates (${rates}).`,
    backtest: 'Backtest of the matrix',
    backtestHelp: 'The provision estimated at each month end with the rates known then, against the write-offs of the next 12 months on the invoices open then.',
    monthEnd: 'Month end',
    estimated: 'Estimated provision',
    writtenOff: 'Written off in the next 12 months',
    ratio: 'Written off / provision',
    none: 'None.',
  },
  forecast: {
    title: '13-week cash-collection forecast',
    scope: 'Collections expected from today’s receivables only: invoices to be issued in the coming weeks are not in it, hence the fall in the last weeks.',
    noSettlements: 'Not computed: the exports date no settlement, and the forecast places each invoice by the client’s observed days late. Without them, all the receivables, overdue ones included, would fall due next week. Add the payments file, or keep the successive open-balance snapshots.',
    expected: 'Expected collections',
    band: 'Range',
    week: 'Week (Monday – Sunday)',
    weekOf: (monday) => `Monday ${monday}`,
    weekFrom: (monday, from) => `Monday ${monday}, from ${from}`,
    invoices: 'Invoices',
    total: 'Current receivables collected in 13 weeks',
    chartAlt: (total) => `Bars of the collections expected each week over 13 weeks, with their range; total ${total}.`,
    axis: (symbol) => `Collections (${symbol})`,
    backtest: 'Error measured on history',
    backtestText: (dates, model, naive) =>
      `Made again at ${dates} past month ends with the history known then, the forecast missed the cash actually collected by ${model} (weighted absolute error), against ${naive} for the naive forecast "everything is paid on its due date".`,
    method: (disputed, over90) =>
      `Each open invoice is expected on its due date + the client’s usual days late over 12 months (its segment’s when it has little history); one already later than that, as late again from today (never all on the next day); only ${disputed} of a disputed invoice and ${over90} of one beyond 90 days past due; nothing from clients under a collective procedure (an uncertain dividend). Week 1 starts on the first business day after the as-of date. The range is ± the error measured on history.`,
  },
};

/** Both languages' labels (the tests word the same row in each). */
export const financeLanguages = { fr, en } as const;
export const finance: FinanceLabels = language() === 'en' ? en : fr;
