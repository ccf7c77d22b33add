// The run's settings: where the exports are, how their columns map to ours, and the rules that
// DESIGN.md leaves configurable. Validated where it enters, so a typo names its key instead of
// surfacing later as an empty table.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** Logical files of an open-items export, and the columns each may carry (ours → theirs). */
export const openItemsColumns = {
  clients: {
    required: ['client_id', 'name'],
    optional: [
      'segment', 'sector', 'country', 'sales_rep', 'payment_terms', 'credit_limit', 'insured_limit',
      'guarantee_amount', 'external_rating', 'legal_status', 'procedure_date',
      // The postal address a letter is sent to (country above).
      'address_line_1', 'address_line_2', 'postcode', 'city',
    ],
  },
  invoices: {
    required: ['invoice_id', 'client_id', 'issue_date', 'amount'],
    optional: [
      'due_date', 'kind', 'amount_excl_tax', 'currency', 'is_disputed', 'original_invoice_id',
      'paid_date', 'paid_amount',
      // What the export says the invoice still owes, checked against what the payments leave open (never read as the amount).
      'open_amount',

      // The amount in the company currency beside the document's (Business Central's "Amount (LCY)").
      'amount_company_currency',
    ],
  },
  payments: {
    required: ['client_id', 'payment_date', 'amount'],
    optional: ['payment_id', 'invoice_id', 'currency', 'amount_company_currency'],
  },
  writeoffs: {
    required: ['client_id', 'writeoff_date', 'amount'],
    optional: ['writeoff_id', 'invoice_id', 'currency', 'amount_company_currency'],
  },
  /**
   * A customer ledger (openItems.shape "ledger"): every entry of the client accounts in one file.
   * Its amounts are a debit and a credit column, or an amount with a direction column, or a
   * signed amount (a debit positive); document_type tells invoices, credit notes, payments,
   * write-offs and refunds apart; letter_code/letter_date are its lettering or clearing.
   */
  ledger: {
    required: ['client_id', 'entry_date'],
    optional: [
      'document_id', 'due_date', 'debit', 'credit', 'amount', 'direction', 'document_type', 'letter_code', 'letter_date', 'client_name',
      // The document's currency and its amount in the company currency (an amount, not a debit/credit pair).
      'currency', 'amount_company_currency',
    ],
  },
  /**
   * An open-balance snapshot (openItems.shape "snapshot"): the documents still open at a date
   * (balance âgée, A/R Aging Detail, Aged Receivables Detail) with what each still owes
   * (open_amount); amount is the document's whole amount when the export gives it.
   */
  snapshot: {
    required: ['client_id', 'document_id', 'open_amount'],
    optional: ['issue_date', 'due_date', 'amount', 'kind', 'client_name', 'snapshot_date', 'is_disputed', 'status'],
  },
} as const;

export type OpenItemsFile = keyof typeof openItemsColumns;
export const openItemsFiles = Object.keys(openItemsColumns) as OpenItemsFile[];
/** The files of the documents shape (a customer ledger and a snapshot are the other shapes' one file). */
export type DocumentsFile = Exclude<OpenItemsFile, 'ledger' | 'snapshot'>;
export const documentsFiles = openItemsFiles.filter((file): file is DocumentsFile => file !== 'ledger' && file !== 'snapshot');

const columnMap = z.record(z.string(), z.string().min(1));

/** A ledger line's document type, as the export writes it, for each kind of entry. */
const documentTypes = z.strictObject({
  invoice: z.array(z.string()).default([]),
  credit_note: z.array(z.string()).default([]),
  payment: z.array(z.string()).default([]),
  writeoff: z.array(z.string()).default([]),
  refund: z.array(z.string()).default([]),
});

const openItems = z.strictObject({
  /**
   * documents: invoices (+ payments, write-offs) files; ledger: one customer-ledger file of every
   * entry; snapshot: one file of the documents open at a date with what each still owes.
   */
  shape: z.enum(['documents', 'ledger', 'snapshot']).default('documents'),
  /** A snapshot's date (YYYY-MM-DD) when the file has no column for it; by default the as-of date. */
  snapshotDate: z.iso.date().optional(),
  delimiter: z.string().min(1).max(2).default('auto'),
  /** 'auto' tells UTF-8, Windows-1252/ISO-8859-15, CP850 and UTF-16 (Excel "Unicode text") apart from the bytes, per file. */
  encoding: z.enum(['auto', 'utf-8', 'latin-1', 'iso-8859-15', 'windows-1252', 'cp850']).default('auto'),
  dateFormat: z.string().includes('%').default('%Y-%m-%d'),
  /** 'auto' detects each file's decimal sign from its amounts, and stops the run when they leave it open. */
  decimalSeparator: z.enum(['auto', '.', ',']).default('auto'),
  /**
   * The line of the header in a report saved as CSV (1 = the first line), for every file or per
   * file ({ "invoices": 5 }); by default the first line that holds every required mapped column.
   */
  headerRow: z
    .union([
      z.number().int().min(1),
      z.strictObject({
        clients: z.number().int().min(1).optional(),
        invoices: z.number().int().min(1).optional(),
        payments: z.number().int().min(1).optional(),
        writeoffs: z.number().int().min(1).optional(),
        ledger: z.number().int().min(1).optional(),
        snapshot: z.number().int().min(1).optional(),
      }),
    ])
    .optional(),
  files: z
    .strictObject({
      clients: z.string().optional(),
      invoices: z.string().optional(),
      payments: z.string().optional(),
      writeoffs: z.string().optional(),
      ledger: z.string().optional(),
      snapshot: z.string().optional(),
    })
    .default({}),
  columns: z
    .strictObject({
      clients: columnMap.optional(),
      invoices: columnMap.optional(),
      payments: columnMap.optional(),
      writeoffs: columnMap.optional(),
      ledger: columnMap.optional(),
      snapshot: columnMap.optional(),
    })
    .default({}),
  values: z
    .strictObject({
      kind: z
        .strictObject({ invoice: z.array(z.string()).default([]), credit_note: z.array(z.string()).default([]) })
        .default({ invoice: ['invoice', 'facture', 'FA'], credit_note: ['credit_note', 'credit note', 'avoir', 'AV'] }),
      true: z.array(z.string()).default(['true', '1', 'yes', 'y', 'oui', 'o', 'x']),
      /**
       * A snapshot's status column (openItems.columns.snapshot.status): the values that say a
       * document is no receivable (cancelled: a draft never issued, a voided invoice) or is one
       * written off (a bad debt, Stripe's "uncollectible"); compared without case. Any other value
       * (open, paid, past due…) is an issued document owing its open amount.
       */
      status: z
        .strictObject({ cancelled: z.array(z.string()).default([]), written_off: z.array(z.string()).default([]) })
        .default({
          cancelled: ['draft', 'void', 'voided', 'cancelled', 'canceled', 'deleted', 'brouillon', 'annulée', 'annulee', 'annulé', 'annule'],
          written_off: ['uncollectible', 'written off', 'written-off', 'write-off', 'write off', 'bad debt', 'irrécouvrable', 'irrecouvrable', 'passée en perte', 'passee en perte'],
        }),
      /** A ledger's direction column: the values that mean a debit (raises what the client owes) and a credit. */
      direction: z
        .strictObject({ debit: z.array(z.string()).default([]), credit: z.array(z.string()).default([]) })
        .default({ debit: ['D', 'Débit', 'Debit', 'Dr', 'S', 'Soll'], credit: ['C', 'Crédit', 'Credit', 'Cr', 'H', 'Haben'] }),
      /**
       * A ledger's document types. The defaults are the words, and SAP's standard customer
       * types (DR invoice, RV billing document, DG credit memo, DZ payment); a journal code or
       * a package's own codes are added here.
       */
      documentType: documentTypes.default({
        invoice: ['invoice', 'facture', 'FA', 'DR', 'RV'],
        credit_note: ['credit_note', 'credit note', 'credit memo', 'avoir', 'AV', 'DG'],
        payment: ['payment', 'paiement', 'règlement', 'reglement', 'RG', 'DZ'],
        writeoff: ['writeoff', 'write-off', 'perte'],
        refund: ['refund', 'remboursement'],
      }),
    })
    .prefault({}),
});

/** FEC (Fichier des Écritures Comptables): which accounts and journals mean what. */
const accountPrefixes = z.array(z.string().regex(/^[0-9A-Za-z]+$/, 'an account prefix is letters and digits')).min(1);
const journalCodes = z.array(z.string().min(1));
const fec = z.strictObject({
  /** Customer receivable accounts: 411 clients, 413 bills receivable, 416 doubtful (467 at some companies). */
  clientAccountPrefixes: accountPrefixes.default(['411', '413', '416']),
  /** Doubtful receivables: an entry moving a client's balance here from 411 is a reclassification, not a payment. */
  doubtfulAccountPrefixes: accountPrefixes.default(['416']),
  /** Irrecoverable losses: a client credit in an entry touching these accounts is a write-off. */
  writeoffAccountPrefixes: accountPrefixes.default(['654']),
  /** Revenue: a client credit in an entry touching these accounts is a credit note. */
  revenueAccountPrefixes: accountPrefixes.default(['70']),
  /** Booked provisions for doubtful receivables, read for comparison with the computed ones. */
  provisionAccountPrefixes: accountPrefixes.default(['491']),
  /** Sales journals: a client credit booked in one is a credit note even without a revenue line. */
  salesJournals: journalCodes.default(['VT', 'VE', 'VEN', 'VTE', 'VENTE', 'VENTES', 'FAC']),
  /** Opening-entry journals (à-nouveaux): skipped when the previous fiscal year is loaded too. */
  openingJournals: journalCodes.default(['AN', 'RAN', 'ANO', 'ANX', 'OUV']),
  /** 'auto' tells UTF-8 (with or without BOM), Windows-1252/ISO-8859-15 and the DOS code page 850 apart. */
  encoding: z.enum(['auto', 'utf-8', 'latin-1', 'iso-8859-15', 'windows-1252', 'cp850']).default('auto'),
});

const grades = ['A', 'B', 'C', 'D', 'E'] as const;

/** Dunning: each stage starts this many days after the due date (negative = before it). */
const dunning = z.strictObject({
  schedule: z
    .array(z.strictObject({ stage: z.string().regex(/^[a-z_0-9]+$/), daysFromDue: z.number().int() }))
    .min(1)
    .refine((s) => s.every((step, i) => i === 0 || step.daysFromDue > s[i - 1]!.daysFromDue), 'stages must be in increasing days')
    .default([
      { stage: 'preventive_reminder', daysFromDue: -5 },
      { stage: 'reminder_1', daysFromDue: 7 },
      { stage: 'reminder_2', daysFromDue: 15 },
      { stage: 'formal_notice', daysFromDue: 30 },
      { stage: 'litigation', daysFromDue: 60 },
    ]),
  /** Riskier grades reach each overdue stage this many days earlier. */
  gradeShiftDays: z.record(z.enum(grades), z.number().int().min(0)).default({ A: 0, B: 0, C: 0, D: 5, E: 10 }),
});

/** French B2B late-payment penalties (Code de commerce L441-10). */
const penalties = z.strictObject({
  /** The penalties apply to French B2B invoices: on by default when the company currency is EUR (see penaltiesEnabled). */
  enabled: z.boolean().optional(),
  /** Points added to the ECB rate of the half-year. */
  ratePoints: z.number().min(0).default(10),
  /** Fixed recovery indemnity per invoice paid late (D441-5). */
  indemnityAmount: z.number().min(0).default(40),
  /** The ECB rate table, relative to the project folder. */
  ratesFile: z.string().default('data/reference/ecb_rates.csv'),
});

/** IFRS 9 provision matrix and French specific provisions. */
const provisions = z.strictObject({
  /** Month ends whose 12-month outcome is averaged into each bucket's loss rate. */
  lookbackMonths: z.number().int().min(1).default(12),
  /** Month ends with a known 12-month outcome needed to use the observed loss rates; fewer → the documented prudent defaults. */
  minHistoryMonths: z.number().int().min(1).default(6),
  /** Multiplies the historical loss rates (forward-looking adjustment; 1 = none). */
  forwardLookingFactor: z.number().min(0).default(1),
  /** VAT rate to take the tax out of amounts when the export gives no amount excl. tax. */
  vatRate: z.number().min(0).default(0.2),
  /**
   * Both provision books (matrix and specific) are computed on one base: the amount excluding VAT
   * when the VAT on a lost receivable is recoverable (true, French practice: it is reclaimed when
   * the loss is booked), else the amount including it. Absent: true for a company in France
   * (companyCountry), false elsewhere, where the default 20 % is no rate of the company's.
   */
  vatRecoverable: z.boolean().optional(),
  /** Open invoices beyond this many days past due are provisioned specifically. */
  overdueDays: z.number().int().positive().default(180),
  /** Specific provision rate (0–1) by basis, applied to the open amount excl. tax. */
  rates: z
    .strictObject({
      liquidation: z.number().min(0).max(1),
      receivership: z.number().min(0).max(1),
      safeguard: z.number().min(0).max(1),
      /**
       * A client under a collective procedure whose undeclared claim is foreclosed (judgment + 6
       * months, int_client_procedures): it cannot be admitted any more.
       */
      foreclosed: z.number().min(0).max(1).default(1),
      /** A client whose doubtful-client accounts (416) hold a balance in the FEC. */
      doubtful: z.number().min(0).max(1).default(0.5),
      dispute: z.number().min(0).max(1),
      overdue: z.number().min(0).max(1),
    })
    .default({ liquidation: 1, receivership: 0.5, safeguard: 0.5, foreclosed: 1, doubtful: 0.5, dispute: 0.5, overdue: 0.5 }),
});

/** Published payment statistics the company and its clients' sectors are compared with (data/reference/README.md). */
const benchmarks = z.strictObject({
  /** The published figures, relative to the project folder. */
  file: z.string().default('data/reference/benchmarks.csv'),
  /** Which statistics' sector and size each clients' sector or segment (and the company's sector) reads. */
  scopesFile: z.string().default('data/reference/benchmark_scopes.csv'),
});

/** 13-week cash-collection forecast. */
const forecast = z.strictObject({
  /** Settled invoices a client needs in 12 months for its own lateness to be used (else its segment's). */
  minSettledInvoices: z.number().int().min(1).default(3),
  /** Share of a disputed invoice, and of one beyond 90 days past due, expected to be collected. */
  disputedCollectionShare: z.number().min(0).max(1).default(0.5),
  over90CollectionShare: z.number().min(0).max(1).default(0.25),
});

/** The publishing guard (etl/guard.ts): how far a figure may fall since the published run. */
const guard = z.strictObject({
  /** Share (0–1): a fall of open receivables or of the invoice count by more than this stops the run before publishing. */
  maxShrink: z.number().min(0).max(1).default(0.5),
});

const alerts = z.strictObject({
  /** A client's days late are "worsening fast" when its last 3 months exceed its last 12 by this many days. */
  worseningDays: z.number().positive().default(15),
});

/** Credit score: when to fit it on the company's history, how to validate it, how to grade it. */
const scoring = z.strictObject({
  /** Below this many training month ends (outcome known, before the validation window) the expert scorecard is used. */
  minTrainingMonthEnds: z.number().int().min(1).default(12),
  /** Below this many default events in the training rows the expert scorecard is used. */
  minTrainingDefaults: z.number().int().min(1).default(30),
  /** The last month ends whose 12-month outcome is known, kept out of the fit to validate it out of time. */
  validationMonthEnds: z.number().int().min(1).default(6),
  /** Upper bounds of the 12-month probability of default for grades A, B, C and D (E above the last). */
  gradePdBounds: z
    .array(z.number().gt(0).lt(1))
    .length(4)
    .refine((b) => b.every((v, i) => i === 0 || v > b[i - 1]!), 'must be increasing')
    .default([0.03, 0.08, 0.15, 0.3]),
  /** The score weighs a month end half as much as one this many months later (docs/scores.md, "Grades that hold"). */
  smoothingHalfLifeMonths: z.number().min(0.5).max(12).default(3),
  /** A grade moves only when the score passes the grade's edge by this many points (8 points double the odds). */
  gradeHysteresisPoints: z.number().min(0).max(16).default(3),
  /** Default event: the amount beyond 90 days past due must exceed this amount (EU 2018/171: 500 €)… */
  defaultMaterialityAmount: z.number().min(0).default(500),
  /** …and this share of the client's open receivables (EU 2018/171: 1 %). */
  defaultMaterialityShare: z.number().min(0).max(1).default(0.01),
});

/** Recommended credit limit = monthly sales × (terms days + marginDays) / 30 × grade factor, capped by insurance + guarantees. */
const creditLimits = z.strictObject({
  /** Months of sales averaged into the monthly sales. */
  salesMonths: z.number().int().min(1).max(36).default(12),
  /** Days added to the client's terms: the time to notice a missed payment and stop deliveries. */
  marginDays: z.number().int().min(0).default(30),
  /** Share of the sales-based limit granted per grade. */
  gradeFactors: z.strictObject({ A: z.number().min(0), B: z.number().min(0), C: z.number().min(0), D: z.number().min(0), E: z.number().min(0) })
    .default({ A: 1, B: 0.8, C: 0.6, D: 0.3, E: 0 }),
  /** The recommended limit is rounded down to a multiple of this amount (from smallLimitBelow up)… */
  roundingAmount: z.number().positive().default(1000),
  /** …and of this one below smallLimitBelow; a client graded A–C with sales gets at least this. */
  smallRoundingAmount: z.number().positive().default(100),
  smallLimitBelow: z.number().min(0).default(10000),
});

/** The collections log the team keeps beside the exports (actions*.csv, contacts*.csv), and the desk's settings. */
export const collectionsLogColumns = {
  actions: {
    required: ['action_date', 'client_id', 'kind'],
    optional: [
      'invoice_ids', 'promise_date', 'promise_amount', 'dispute_id', 'dispute_reason', 'dispute_owner', 'dispute_status',
      'dispute_opened_date', 'dispute_closed_date', 'until_date', 'author', 'note', 'claim_amount',
    ],
  },
  contacts: { required: ['client_id', 'name'], optional: ['role', 'email', 'phone'] },
} as const;
export type CollectionsLogFile = keyof typeof collectionsLogColumns;

const collections = z.strictObject({
  /** File name patterns (globs) in the input folder; dates, decimals, delimiter and encoding follow openItems. */
  files: z.strictObject({ actions: z.string().optional(), contacts: z.string().optional() }).default({}),
  /** The file's column names for ours (case-insensitive). */
  columns: z.strictObject({ actions: columnMap.optional(), contacts: columnMap.optional() }).default({}),
  /** The worklist warns when the as-of date is more than this many days before the site's build date. */
  staleAfterDays: z.number().int().min(0).default(3),
  /** A client contacted since its stage started is chased again this many days after the last action. */
  followUpDays: z.number().int().min(1).default(7),
  /** Days given to pay in a letter, counted from the day the letter is produced (the site's build date). */
  paymentDeadlineDays: z.number().int().min(1).default(8),
  /**
   * Months to declare a claim to the mandataire after the opening judgment of a collective procedure
   * (R622-24: two months from its publication in the BODACC, four for a creditor outside
   * metropolitan France). Counted from the judgment's date, which comes first: on the safe side.
   */
  claimDeadlineMonths: z.union([z.literal(2), z.literal(4)]).default(2),
});

/**
 * A status export from an accredited e-invoicing platform (plateforme agréée): one line or record
 * per lifecycle status of an invoice (codes 200–214 of the French e-invoicing lifecycle, see
 * docs/reference.md). Optional, like the collections log. Read from CSV (dates, delimiter and
 * encoding as openItems; ISO 8601 dates always read) or from JSON (an array of records, or an
 * object holding one under statuses, statuts, data, items, events or results).
 */
export const statusExportColumns = {
  required: ['invoice_id', 'status_date'],
  optional: ['status_code', 'status_label', 'reason_code', 'reason', 'client_id'],
} as const;
export type StatusExportColumn = (typeof statusExportColumns.required)[number] | (typeof statusExportColumns.optional)[number];

const einvoice = z.strictObject({
  /** File name patterns (globs) in the input folder; by default statuses*.csv|json and statuts*.csv|json. */
  files: z.array(z.string().min(1)).min(1).default(['statuses*.csv', 'statuses*.json', 'statuts*.csv', 'statuts*.json']),
  /** The export's field names for ours (case-insensitive), for both the CSV and the JSON form. */
  columns: columnMap.default({}),
});

/** The company's details printed on letters and statements. */
const company = z.strictObject({
  name: z.string().default(''),
  address: z.array(z.string()).default([]),
  siren: z.string().regex(/^[0-9 ]*$/, 'a SIREN is digits').default(''),
  email: z.string().default(''),
  phone: z.string().default(''),
  city: z.string().default(''),
  /** The company's own sector, as the clients file words sectors: it picks the published figures it is compared with (data/reference/benchmark_sectors.csv). */
  sector: z.string().default(''),
  /**
   * The company's country (ISO 3166 code, 'FR', 'GB', 'US'): the law its receivables follow. French
   * rules (L441-10 penalties, the D441-6 table, VAT recovered on a loss, the French published payment
   * figures) apply to a company in France. Absent: France for a company in euros, else unknown.
   */
  country: z.string().regex(/^[A-Za-z]{2}$/, "a country is its two-letter ISO code, e.g. 'FR', 'GB', 'US'").transform((v) => v.toUpperCase()).optional(),
});

/** A fiscal year's closing day, 'MM-DD' (a day every year has: 29 February is refused). */
const fiscalYearEnd = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/, "a closing day is 'MM-DD', e.g. '12-31'")
  .refine((v) => Number(v.slice(3)) <= [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][Number(v.slice(0, 2)) - 1]!, 'a day every year has (not 29 February)');

export const configSchema = z.strictObject({
  $comment: z.string().optional(),
  /** The reasons `npm run detect` gives for each guess of the mapping it proposes; not read. */
  _comments: z.record(z.string(), z.string()).optional(),
  /** What npm run detect could not decide, each with the setting to write (read by nobody: for the user). */
  _undecided: z.array(z.string()).optional(),
  currency: z.string().length(3).default('EUR'),
  /**
   * Exchange rates for documents in another currency when the export has no company-currency
   * amount (data/reference/README.md), relative to the project folder.
   */
  fxRatesFile: z.string().default('data/reference/fx_rates.csv'),
  /** Upper bounds, in days past due, of the overdue buckets; beyond the last is "> last". */
  bucketBounds: z
    .array(z.number().int().positive())
    .min(1)
    .refine((b) => b.every((v, i) => i === 0 || v > b[i - 1]!), 'must be increasing')
    .default([30, 60, 90, 180, 365]),
  /** Months of sales behind the standard and best-possible DSO. */
  dsoWindowMonths: z.number().int().min(1).max(12).default(3),
  /** The fiscal year's closing day, 'MM-DD': the closing dates of the D441-6 table of late invoices. */
  fiscalYearEnd: fiscalYearEnd.default('12-31'),
  /** Used when an invoice has no due date and its client no payment terms encours understands: days after the issue date. */
  defaultTermsDays: z.number().int().min(0).default(30),
  /** DuckDB's memory limit and spill folder, so large ledgers spill to disk instead of failing. 1400MB
   * keeps a 1M-invoice run under 2 GiB with Node's own share (1,822-1,881 MiB at its peak; with 1536MB
   * it reached 1,955-2,057 MiB) for about 2 % more CPU (docs/performance.md). */
  memoryLimit: z.string().default('1400MB'),
  /** Large tables above this many rows are written hive-partitioned by year (table/year=YYYY/…). */
  partitionAboveRows: z.number().int().positive().default(5_000_000),
  /** Finished warehouse runs (and their manifests) kept in data/warehouse-runs/. */
  keepRuns: z.number().int().min(1).default(3),
  /** Manifests of past runs kept in data/warehouse-history/ (what the site shows as run history). */
  keepRunHistory: z.number().int().min(1).default(30),
  // prefault: an absent section is parsed as {}, so each of its fields takes its own default.
  openItems: openItems.prefault({}),
  fec: fec.prefault({}),
  dunning: dunning.prefault({}),
  penalties: penalties.prefault({}),
  alerts: alerts.prefault({}),
  guard: guard.prefault({}),
  provisions: provisions.prefault({}),
  forecast: forecast.prefault({}),
  benchmarks: benchmarks.prefault({}),
  scoring: scoring.prefault({}),
  creditLimits: creditLimits.prefault({}),
  collections: collections.prefault({}),
  einvoice: einvoice.prefault({}),
  company: company.prefault({}),
});

export type Config = z.infer<typeof configSchema>;

/** The company's country (company.country), else France for a company in euros, else unknown (null). */
export function companyCountry(config: Config): string | null {
  return config.company.country ?? (config.currency.toUpperCase() === 'EUR' ? 'FR' : null);
}

/** French late-payment penalties (L441-10) concern French B2B invoices: on for a company in France unless set. */
export function penaltiesEnabled(config: Config): boolean {
  return config.penalties.enabled ?? companyCountry(config) === 'FR';
}

/** VAT on a lost receivable is recovered (French practice) unless set: provisions exclude it in France only. */
export function vatRecoverable(config: Config): boolean {
  return config.provisions.vatRecoverable ?? companyCountry(config) === 'FR';
}
export const CONFIG_FILE_NAME = 'encours.config.json';

export class ConfigError extends Error {}

/** Reads and validates a config file; with no file, the input folder's own encours.config.json, else defaults. */
export function loadConfig(configPath: string | undefined, inputDir: string): { config: Config; path: string | null } {
  const path = configPath ?? (existsSync(join(inputDir, CONFIG_FILE_NAME)) ? join(inputDir, CONFIG_FILE_NAME) : null);
  if (!path) return { config: configSchema.parse({}), path: null };
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${path}: not readable as JSON (${(error as Error).message})`);
  }
  return { config: parseConfig(raw, path), path };
}

export function parseConfig(raw: unknown, source = 'config'): Config {
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const key = issue.path.join('.') || '(top level)';
      const unknown = issue.code === 'unrecognized_keys' ? `: unknown key ${issue.keys.join(', ')}` : `: ${issue.message}`;
      return `  ${key}${unknown}`;
    });
    throw new ConfigError(`${source} is not a valid encours configuration:\n${problems.join('\n')}`);
  }
  const config = result.data;
  for (const file of openItemsFiles) {
    const mapping = config.openItems.columns[file] ?? {};
    const known = new Set<string>([...openItemsColumns[file].required, ...openItemsColumns[file].optional]);
    for (const key of Object.keys(mapping)) {
      if (!known.has(key)) {
        throw new ConfigError(
          `${source} is not a valid encours configuration:\n  openItems.columns.${file}.${key}: unknown column; expected one of ${[...known].join(', ')}`,
        );
      }
    }
  }
  const typeOf = new Map<string, string>();
  for (const [kind, values] of Object.entries(config.openItems.values.documentType)) {
    // Invoice and credit note are one kind of entry, a sales document, whose sign tells which.
    const entry = kind === 'credit_note' ? 'invoice' : kind;
    for (const value of values) {
      const other = typeOf.get(value.toLowerCase());
      if (other !== undefined && other !== entry) {
        throw new ConfigError(
          `${source} is not a valid encours configuration:\n  openItems.values.documentType: '${value}' is listed as ${other === 'invoice' ? 'invoice or credit_note' : other} and as ${kind}; a document type is one kind of entry`,
        );
      }
      typeOf.set(value.toLowerCase(), entry);
    }
  }
  return config;
}
