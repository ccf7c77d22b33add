// Labels of the KPI, provisions and forecast parts of the site, per language (kept beside fr.ts and
// en.ts while those grow; same rule: every label of these pages is here).
import type { AlertRow, DunningRow } from '../warehouse.ts';
import { language } from './index.ts';

/** The parts of a dunning row its reason is worded from (the dunning table's columns). */
export type DunningReasonParts = Pick<DunningRow, 'scheduled_stage' | 'is_disputed' | 'days_from_due' | 'schedule_day' | 'stage_start_day' | 'shift_days' | 'grade'>;

/** The parts of an alert its text is worded from (the alerts table's columns). */
export type AlertParts = Omit<AlertRow, 'client_id' | 'first_seen_date'>;

const stagesFr: Record<string, string> = {
  preventive_reminder: 'Relance préventive', reminder_1: 'Relance 1', reminder_2: 'Relance 2', formal_notice: 'Mise en demeure',
  litigation: 'Contentieux', paused_dispute: 'En litige (suspendu)',
};

const stagesEn: Record<string, string> = {
  preventive_reminder: 'Preventive reminder', reminder_1: 'Reminder 1', reminder_2: 'Reminder 2', formal_notice: 'Formal notice',
  litigation: 'Litigation', paused_dispute: 'Disputed (paused)',
};

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
    verdict: { better: 'Le score classe mieux les défauts que le seul retard maximal.', worse: 'Le score ne fait PAS mieux que le seul retard maximal.', none: 'Pas assez d’historique pour valider le score hors échantillon.' },
    features: { max_days_past_due: 'Retard maximal (jours)', days_late_12m: 'Retard moyen sur 12 mois', days_late_trend: 'Tendance des retards (3 mois − 12 mois)', share_over_60: 'Part de l’encours à plus de 60 jours', limit_usage: 'Utilisation de la limite', tenure: 'Ancienneté' } as Record<string, string>,
  },
  score: {
    title: 'Score de crédit et limite',
    axis: 'Score',
    history: 'Note et score, 12 dernières fins de mois',
    pd: 'Probabilité de défaut à 12 mois',
    recommended: 'Limite recommandée',
    granted: 'Limite accordée',
    exposure: 'Exposition',
    usage: 'Utilisation de la limite',
    uninsured: 'Exposition non assurée',
  },
  collections: {
    /** The colon before a value: French sets a no-break space before it. */
    colon: '\u00a0: ',
    title: 'Relances du jour',
    actions: 'Actions à mener',
    openInWorklist: 'Encours concerné',
    penaltiesOpen: 'Pénalités réclamables maintenant',
    penaltiesOpenNote: (n: string, plural: Intl.LDMLPluralRule) => (plural === 'one' ? `sur ${n} facture ouverte en retard` : `sur ${n} factures ouvertes en retard`),
    penaltiesOpenHelp: 'Sur les factures encore ouvertes et échues : intérêts au taux BCE du semestre + 10 points, au prorata des jours de retard, plus 40 € d’indemnité forfaitaire par facture (Code de commerce L441-10, D441-5).',
    penaltiesPaidLate: 'Pénalités courues sur factures payées en retard',
    penaltiesPaidLateNote: (n: string, plural: Intl.LDMLPluralRule, since: string) =>
      plural === 'one' ? `${n} facture soldée en retard, échue depuis le ${since}` : `${n} factures soldées en retard, échues depuis le ${since}`,
    penaltiesPaidLateHelp: 'Même calcul sur les factures déjà réglées, mais après leur échéance : des pénalités dues en droit sur tout l’historique, que rien dans les exports ne montre réclamées. Non comprises dans les pénalités réclamables maintenant.',
    filterStage: 'Étape',
    filterRep: 'Commercial',
    filterSegment: 'Segment',
    clientId: 'Code client',
    dueDate: 'Échéance',
    capped: (shown: string, total: string) => `Les ${shown} premières actions sur ${total}, par priorité, sont affichées ; le fichier CSV les contient toutes.`,
    downloadAll: (n: string, plural: Intl.LDMLPluralRule) => (plural === 'one' ? 'Télécharger l’action (CSV)' : `Télécharger les ${n} actions (CSV)`),
    all: 'Toutes',
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
    alertDetail: (a: AlertParts, money: (amount: number | null) => string): string => {
      switch (a.alert) {
        case 'overdue_90': return `Facture ${a.invoice_id} à plus de 90 jours de retard`;
        case 'overdue_60': return `Facture ${a.invoice_id} à plus de 60 jours de retard`;
        case 'over_limit': return `Encours de ${money(a.amount)} au-delà de la limite de crédit de ${money(a.limit_amount)}`;
        case 'grade_drop': return `Note passée de ${a.previous_grade} à ${a.grade} depuis la dernière fin de mois`;
        case 'days_late_worsening': return `Paie avec ${a.days_late_3m} jours de retard sur les 3 derniers mois, contre ${a.days_late_12m} sur 12 mois`;
        case 'terms_beyond_legal_ceiling':
          return `Conditions « ${a.payment_terms} » : échéances jusqu’à ${a.longest_days} jours après la facture, au-delà du plafond légal (60 jours date de facture ou 45 jours fin de mois)`;
        default: return a.detail;
      }
    },
    dunningReason: (r: DunningReasonParts): string => {
      const stage = (stagesFr[r.scheduled_stage] ?? r.scheduled_stage).toLowerCase();
      if (r.is_disputed) return `En litige : relances suspendues jusqu’au règlement du litige (sinon : ${stage})`;
      if (r.days_from_due < 0) return `Échéance dans ${-r.days_from_due} jours : ${stage} dès ${-r.schedule_day} jours avant l’échéance`;
      if (r.days_from_due === 0) return `Échéance aujourd’hui : ${stage} dès ${-r.schedule_day} jours avant l’échéance`;
      if (r.shift_days > 0) return `${r.days_from_due} jours de retard : ${stage} dès le jour ${r.stage_start_day} (jour ${r.schedule_day}, avancé de ${r.shift_days} jours pour la note ${r.grade})`;
      return `${r.days_from_due} jours de retard : ${stage} dès le jour ${r.schedule_day}`;
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
    atStakeHelp: 'Reste dû des factures en retard ; dépassement de la limite de crédit ; encours des clients concernés pour les autres alertes.',
    atStakeOf: {
      overdue_60: 'Reste dû des factures concernées', overdue_90: 'Reste dû des factures concernées', over_limit: 'Encours au-delà des limites de crédit',
      grade_drop: 'Encours des clients concernés', days_late_worsening: 'Encours des clients concernés', terms_beyond_legal_ceiling: 'Encours des clients concernés',
    } as Record<string, string>,
    allAlerts: 'Toutes les alertes, client par client →',
    noAlerts: 'Aucune alerte.',
    alertTypes: {
      overdue_60: 'Retard > 60 jours', overdue_90: 'Retard > 90 jours', over_limit: 'Limite de crédit dépassée',
      grade_drop: 'Note dégradée', days_late_worsening: 'Retards en hausse', terms_beyond_legal_ceiling: 'Délai au-delà du plafond légal',
    } as Record<string, string>,
    since: 'Depuis le',
    riskGrade: 'Note de risque provisoire',
    riskGradeHelp: 'Note A–E tirée de la tranche de retard la plus ancienne encore ouverte (E : plus de 90 jours ou procédure collective).',
  },
  kpis: {
    title: 'Indicateurs du poste clients',
    dso: 'DSO (épuisement du CA)',
    add: 'Retard moyen (ADD)',
    cei: 'Efficacité du recouvrement (CEI)',
    overdueRate: "Taux d'impayés",
    badDebtRate: 'Créances irrécouvrables (12 mois)',
    days: (n: string) => `${n} j`,
    overMonth: 'sur un mois',
    dsoTrend: 'DSO par épuisement du CA, 24 derniers mois',
    dsoAxis: 'Jours',
    dsoAlt: (first: string, last: string, latest: string) => `Courbe du DSO par épuisement du chiffre d'affaires, chaque fin de mois de ${first} à ${last}. Dernier mois : ${latest}.`,
    notYet: 'Pas encore assez d’historique.',
  },
  provisions: {
    title: 'Provisions pour créances douteuses',
    matrixTotal: 'Matrice de provisionnement (IFRS 9)',
    matrixHelp: 'Encours par tranche × taux de perte de la tranche observé sur l’historique (pertes à 12 mois / encours).',
    specificTotal: 'Provisions spécifiques',
    specificHelp: 'Clients ou factures douteux (procédure collective, litige, retard au-delà du seuil) provisionnés sur le montant HT au taux de leur motif.',
    bookedTotal: 'Provisions comptabilisées (491)',
    bookedHelp: 'Solde des comptes de provisions 491 du FEC à la dernière fin de mois, pour comparaison avec les provisions calculées.',
    matrix: 'Matrice à la dernière fin de mois',
    bucket: 'Tranche',
    balance: 'Encours TTC',
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
    baseExclTax: 'Base HT',
    rate: 'Taux',
    bases: { liquidation: 'Liquidation judiciaire', receivership: 'Redressement judiciaire', safeguard: 'Sauvegarde', doubtful: 'Client douteux (416)', dispute: 'Litige', overdue: 'Retard au-delà du seuil' } as Record<string, string>,
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
    method: 'Chaque facture ouverte est attendue à son échéance + le retard moyen habituel du client sur 12 mois (celui de son segment s’il a peu d’historique) ; la moitié seulement d’une facture en litige et un quart d’une facture à plus de 90 jours de retard. La fourchette est ± l’erreur mesurée sur l’historique.',
  },
};

type FinanceLabels = typeof fr;

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
    verdict: { better: 'The score ranks defaulters better than the maximum days past due alone.', worse: 'The score does NOT beat the maximum days past due alone.', none: 'Not enough history to validate the score out of time.' },
    features: { max_days_past_due: 'Maximum days past due', days_late_12m: 'Average days late over 12 months', days_late_trend: 'Days-late trend (3 months − 12 months)', share_over_60: 'Share of the balance beyond 60 days', limit_usage: 'Credit-limit usage', tenure: 'Tenure' },
  },
  score: {
    title: 'Credit score and limit',
    axis: 'Score',
    history: 'Grade and score, last 12 month ends',
    pd: '12-month probability of default',
    recommended: 'Recommended limit',
    granted: 'Granted limit',
    exposure: 'Exposure',
    usage: 'Limit usage',
    uninsured: 'Uninsured exposure',
  },
  collections: {
    colon: ': ',
    title: "Today's collections",
    actions: 'Actions to take',
    openInWorklist: 'Receivables concerned',
    penaltiesOpen: 'Penalties claimable now',
    penaltiesOpenNote: (n, plural) => (plural === 'one' ? `on ${n} open overdue invoice` : `on ${n} open overdue invoices`),
    penaltiesOpenHelp: 'On the invoices still open and past due: interest at the ECB rate of the half-year + 10 points, pro rata of days late, plus a fixed €40 recovery indemnity per invoice (French Commercial Code L441-10, D441-5).',
    penaltiesPaidLate: 'Penalties accrued on invoices paid late',
    penaltiesPaidLateNote: (n, plural, since) => (plural === 'one' ? `${n} invoice settled late, due since ${since}` : `${n} invoices settled late, due since ${since}`),
    penaltiesPaidLateHelp: 'The same reckoning on invoices already settled, but after their due date: penalties owed in law over the whole history, which nothing in the exports shows as claimed. Not included in the penalties claimable now.',
    filterStage: 'Stage',
    filterRep: 'Sales rep',
    filterSegment: 'Segment',
    clientId: 'Client code',
    dueDate: 'Due date',
    capped: (shown, total) => `The first ${shown} of ${total} actions by priority are shown; the CSV file holds them all.`,
    downloadAll: (n, plural) => (plural === 'one' ? 'Download the action (CSV)' : `Download all ${n} actions (CSV)`),
    all: 'All',
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
    alertDetail: (a: AlertParts, money: (amount: number | null) => string): string => {
      switch (a.alert) {
        case 'overdue_90': return `Invoice ${a.invoice_id} is more than 90 days past due`;
        case 'overdue_60': return `Invoice ${a.invoice_id} is more than 60 days past due`;
        case 'over_limit': return `Exposure of ${money(a.amount)} over the credit limit of ${money(a.limit_amount)}`;
        case 'grade_drop': return `Grade dropped from ${a.previous_grade} to ${a.grade} since the last month end`;
        case 'days_late_worsening': return `Pays ${a.days_late_3m} days late over the last 3 months, against ${a.days_late_12m} over 12 months`;
        case 'terms_beyond_legal_ceiling':
          return `Terms “${a.payment_terms}”: due dates up to ${a.longest_days} days after the invoice, beyond the legal ceiling (60 days from the invoice date, or 45 days end of month)`;
        default: return a.detail;
      }
    },
    dunningReason: (r: DunningReasonParts): string => {
      const stage = (stagesEn[r.scheduled_stage] ?? r.scheduled_stage).toLowerCase();
      if (r.is_disputed) return `Disputed: dunning paused until the dispute is settled (${stage} otherwise)`;
      if (r.days_from_due < 0) return `Due in ${-r.days_from_due} days: ${stage} from ${-r.schedule_day} days before the due date`;
      if (r.days_from_due === 0) return `Due today: ${stage} from ${-r.schedule_day} days before the due date`;
      if (r.shift_days > 0) return `${r.days_from_due} days past due: ${stage} from day ${r.stage_start_day} (day ${r.schedule_day}, ${r.shift_days} days earlier for grade ${r.grade})`;
      return `${r.days_from_due} days past due: ${stage} from day ${r.schedule_day}`;
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
    atStakeHelp: 'Open amount of the late invoices; exposure beyond the credit limit; receivables of the clients concerned for the other alerts.',
    atStakeOf: {
      overdue_60: 'Open amount of the invoices concerned', overdue_90: 'Open amount of the invoices concerned', over_limit: 'Exposure beyond the credit limits',
      grade_drop: 'Receivables of the clients concerned', days_late_worsening: 'Receivables of the clients concerned', terms_beyond_legal_ceiling: 'Receivables of the clients concerned',
    },
    allAlerts: 'Every alert, client by client →',
    noAlerts: 'No alert.',
    alertTypes: {
      overdue_60: 'Over 60 days late', overdue_90: 'Over 90 days late', over_limit: 'Over credit limit',
      grade_drop: 'Grade dropped', days_late_worsening: 'Paying later and later', terms_beyond_legal_ceiling: 'Terms beyond the legal ceiling',
    },
    since: 'Since',
    riskGrade: 'Provisional risk grade',
    riskGradeHelp: 'Grade A–E from the oldest ageing bucket still open (E: beyond 90 days, or an insolvency procedure).',
  },
  kpis: {
    title: 'Receivables indicators',
    dso: 'DSO (countback)',
    add: 'Average days delinquent (ADD)',
    cei: 'Collection effectiveness (CEI)',
    overdueRate: 'Overdue rate',
    badDebtRate: 'Bad-debt rate (12 months)',
    days: (n) => `${n} d`,
    overMonth: 'over a month',
    dsoTrend: 'DSO by the countback method, last 24 months',
    dsoAxis: 'Days',
    dsoAlt: (first, last, latest) => `Line of the countback DSO at each month end from ${first} to ${last}. Latest: ${latest}.`,
    notYet: 'Not enough history yet.',
  },
  provisions: {
    title: 'Provisions for doubtful receivables',
    matrixTotal: 'Provision matrix (IFRS 9)',
    matrixHelp: 'Receivables per bucket × the bucket’s loss rate observed in the history (written off within 12 months / balance).',
    specificTotal: 'Specific provisions',
    specificHelp: 'Doubtful clients or invoices (insolvency procedure, dispute, beyond the days-past-due threshold) provisioned on the amount excl. tax at the rate of their basis.',
    bookedTotal: 'Provisions booked (491)',
    bookedHelp: 'Balance of the FEC’s 491 provision accounts at the last month end, to compare with the computed provisions.',
    matrix: 'Matrix at the last month end',
    bucket: 'Bucket',
    balance: 'Receivables incl. tax',
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
    baseExclTax: 'Base excl. tax',
    rate: 'Rate',
    bases: { liquidation: 'Liquidation', receivership: 'Receivership', safeguard: 'Safeguard procedure', doubtful: 'Doubtful client (416)', dispute: 'Dispute', overdue: 'Beyond the overdue threshold' },
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
    method: 'Each open invoice is expected on its due date + the client’s usual days late over 12 months (its segment’s when it has little history); only half of a disputed invoice and a quarter of one beyond 90 days past due. The range is ± the error measured on history.',
  },
};

export const finance: FinanceLabels = language() === 'en' ? en : fr;
