// The quality report's reasons in words, French and English: one sentence per code
// (quality.reason_code, etl/models/macros.sql reason_text words the same codes in English for
// analysts). n is the count already formatted, ref the value named (the offending text as
// written, an id, or a date already formatted), parts the other values in order, field the input
// column the reason is about (a code, worded by fieldWords). A code this site does not know gives
// undefined: the page then shows the run's English text.

/** A coded reason in words; undefined for a code this site does not know. */
export type ReasonWording = (code: string, n: string, ref: string | null, parts: readonly (string | null)[], field: string | null) => string | undefined;

const fieldsFr: Record<string, string> = {
  client_id: 'code client', payment_id: 'numéro de paiement', writeoff_id: 'numéro de passage en perte', invoice_id: 'numéro de facture',
  issue_date: 'date de facture', entry_date: 'date d’écriture', due_date: 'date d’échéance', paid_date: 'date de règlement', letter_date: 'date de lettrage',
  snapshot_date: 'date de la balance', document_id: 'numéro de pièce', status_date: 'date du statut',
  payment_date: 'date de paiement', writeoff_date: 'date de passage en perte', action_date: 'date de l’action',
  promise_date: 'date de promesse', dispute_opened_date: 'date d’ouverture du litige', dispute_closed_date: 'date de clôture du litige',
  until_date: 'date de fin de suspension des relances', EcritureDate: 'EcritureDate', Montantdevise: 'Montantdevise', procedure_date: 'date du jugement d’ouverture',
  credit_limit: 'limite de crédit', insured_limit: 'limite assurée', guarantee_amount: 'garantie',
  amount: 'montant', amount_company_currency: 'montant en devise de la société', promise_amount: 'montant promis', claim_amount: 'montant de la créance déclarée',
  amount_excl_tax: 'montant HT', paid_amount: 'montant réglé', debit: 'débit', credit: 'crédit', open_amount: 'reste à payer',
};

const fieldsEn: Record<string, string> = {
  client_id: 'client id', payment_id: 'payment id', writeoff_id: 'write-off id', invoice_id: 'invoice id',
  issue_date: 'issue date', entry_date: 'entry date', due_date: 'due date', paid_date: 'paid date', letter_date: 'lettering date',
  snapshot_date: 'snapshot date', document_id: 'document id', status_date: 'status date',
  payment_date: 'payment date', writeoff_date: 'write-off date', action_date: 'action date',
  promise_date: 'promise date', dispute_opened_date: 'dispute opened date', dispute_closed_date: 'dispute closed date',
  until_date: 'do-not-chase-until date', EcritureDate: 'EcritureDate', Montantdevise: 'Montantdevise', procedure_date: 'procedure date',
  credit_limit: 'credit limit', insured_limit: 'insured limit', guarantee_amount: 'guarantee',
  amount: 'amount', amount_company_currency: 'amount in the company currency', promise_amount: 'promise amount', claim_amount: 'claim amount',
  amount_excl_tax: 'amount excl. tax', paid_amount: 'paid amount', debit: 'debit', credit: 'credit', open_amount: 'open amount',
};

/** What is wrong with an amount (reason_code 'amount_' + this), following « montant 'x' ». */
const amountProblemsFr: Record<string, (currency: string) => string> = {
  not_a_number: () => 'n’est pas un nombre',
  unmatched_parenthesis: () => 'a une parenthèse sans sa paire',
  two_signs: () => 'porte plus d’un signe',
  two_currencies: () => 'porte deux devises',
  foreign_currency: (currency) => `est en ${currency}, pas dans la devise de l’entreprise`,
  grouping_comma: () => 'ne suit pas la virgule décimale de son fichier (milliers par groupes de trois chiffres, puis une virgule décimale)',
  grouping_point: () => 'ne suit pas le point décimal de son fichier (milliers par groupes de trois chiffres, puis un point décimal)',
  decimals_comma: () => 'a plus de deux décimales (lu avec une virgule décimale)',
  decimals_point: () => 'a plus de deux décimales (lu avec un point décimal)',
  too_large: () => 'est trop grand',
};

const amountProblemsEn: Record<string, (currency: string) => string> = {
  not_a_number: () => 'is not a number',
  unmatched_parenthesis: () => 'has an unmatched parenthesis',
  two_signs: () => 'has more than one sign',
  two_currencies: () => 'has two currency signs',
  foreign_currency: (currency) => `is in ${currency}, not the company currency`,
  grouping_comma: () => 'does not fit the decimal comma of its file (thousands in groups of three digits, then one decimal comma)',
  grouping_point: () => 'does not fit the decimal point of its file (thousands in groups of three digits, then one decimal point)',
  decimals_comma: () => 'has more than two decimals (read with a decimal comma)',
  decimals_point: () => 'has more than two decimals (read with a decimal point)',
  too_large: () => 'is too large',
};

export const reasonsFr: ReasonWording = (code, n, ref, parts, field) => {
  const f = fieldsFr[field ?? ''] ?? field ?? '';
  const F = capital(f);
  const p = (i: number) => parts[i] ?? '…';
  // A warning on an amount that does not read: the currency written beside it, then its problem.
  const amountProblemFr = () => amountProblemsFr[p(1)]?.(p(0)) ?? 'ne se lit pas comme un montant';
  if (code.startsWith('amount_')) {
    const problem = amountProblemsFr[code.slice('amount_'.length)];
    return problem && `${F} « ${ref} » ${problem(p(0))}`;
  }
  switch (code) {
    // DuckDB's count of the values found stops at the first one too many: only the header's is said.
    case 'csv_too_many_columns': return `Ligne illisible : plus de valeurs que les ${p(0)} colonnes de l’en-tête (un séparateur dans une valeur sans guillemets ?)`;
    case 'csv_missing_columns': return `Ligne illisible : ${p(1)} valeurs pour les ${p(0)} colonnes de l’en-tête`;
    case 'csv_invalid_encoding': return 'Ligne illisible : ce n’est pas de l’UTF-8 (vérifiez l’encodage du fichier)';
    case 'csv_unquoted_value': return 'Ligne illisible : un guillemet n’est pas refermé';
    case 'csv_line_too_long': return 'Ligne illisible : trop longue';
    case 'report_lines_above_header': return `${n} ligne(s) au-dessus de l’en-tête sautée(s)`;
    case 'report_total_row': return `Ligne de total « ${ref} » du rapport : non chargée`;
    case 'report_heading_row': return `Ligne d’une seule valeur, « ${ref} » (un titre ou un pied du rapport) : non chargée`;
    case 'missing_client_id': return 'Code client manquant';
    case 'missing_contact_name': return 'Nom du contact manquant';
    case 'missing_invoice_id': return 'Numéro de facture manquant';
    case 'missing_document_id': return 'Numéro de pièce manquant';
    case 'missing_invoice_number': return 'Numéro de facture manquant';
    case 'status_date_unreadable': return `Date du statut « ${ref} » : ne suit ni le format de date ${p(0)} ni l’ISO 8601`;
    case 'status_unknown': return `Statut « ${ref} » : ni un code du cycle de vie de la facturation électronique (200–214) ni son libellé (Déposée, Refusée, En litige, Encaissée, Rejetée…)`;
    case 'status_code_unknown': return `Code de statut « ${ref} » hors de 200–214 ; lu d’après son libellé « ${p(0)} » comme ${p(1)}`;
    case 'status_code_label_disagree': return `Le code de statut ${ref} et le libellé « ${p(0)} » se contredisent ; le code est retenu`;
    case 'no_issue_or_due_date': return 'Ni date de pièce ni date d’échéance : la pièce ne peut pas être classée par ancienneté';
    case 'no_issue_date': return 'Pas de date de pièce : la date d’échéance en tient lieu';
    case 'whole_amount_unreadable': return `Montant « ${ref} » ${amountProblemFr()} ; le montant total de la pièce reste inconnu`;
    case 'snapshot_cancelled_documents': return `${n} pièces dont le statut (${p(0)}) dit qu’elles n’ont jamais été émises ou ont été annulées : ce ne sont pas des créances`;
    case 'snapshot_written_off_documents': return `${n} pièces passées en perte (statut ${p(0)}), ${p(1)} au total : ce ne sont pas des encours`;
    case 'snapshot_settled_documents': return `${n} pièces ne doivent plus rien à la date de la balance (réglées en totalité) : ce ne sont pas des encours ; gardées dans les photos successives pour dater leur règlement`;
    case 'no_amount': return 'Pas de montant : le débit et le crédit sont vides tous les deux';
    case 'direction_unknown': return `Sens « ${ref} » : ni une valeur de débit ni une valeur de crédit de openItems.values.direction`;
    case 'document_type_unknown': return `Type de document « ${ref} » absent de toutes les listes de openItems.values.documentType (invoice, credit_note, payment, writeoff, refund)`;
    case 'due_date_unreadable': return `Date d’échéance « ${ref} » : ne suit pas le format de date ; les conditions de paiement du client (ou le délai par défaut) s’appliquent`;
    case 'due_before_issue': return 'Date d’échéance antérieure à la date de facture';
    case 'letter_date_unreadable': return `Date de lettrage « ${ref} » : ne suit pas le format de date ; la date de la ligne est retenue`;
    case 'paid_amount_unreadable': return `Montant réglé « ${ref} » ${amountProblemFr()} ; le règlement est ignoré`;
    case 'paid_date_unreadable': return `Date de règlement « ${ref} » : ne suit pas le format de date ; le règlement est ignoré`;
    case 'paid_amount_undated': return `Montant réglé « ${ref} » sans date de règlement : lu comme réglé à la date de situation, à une date inconnue (les indicateurs de comportement de paiement le comptent payé à la date de situation)`;
    case 'company_amount_unreadable': return `Montant en devise de la société « ${ref} » ${amountProblemFr()} ; le montant est converti avec le fichier des cours`;
    case 'excl_tax_unreadable': return `Montant HT « ${ref} » ${amountProblemFr()} ; le montant TTC moins le taux de TVA par défaut est retenu`;
    case 'duplicate_id': return `${F} ${ref} en double (la première ligne est gardée)`;
    case 'date_unreadable': return `${F} « ${ref} » : ne suit pas le format de date ${p(0)}`;
    case 'date_implausible': return `${F} ${ref} : hors de la période 1990–2099`;
    case 'procedure_date_unreadable': return `Date du jugement d’ouverture « ${ref} » : ne suit pas le format de date ${p(0)} ; la date limite de déclaration de créance reste inconnue`;
    case 'procedure_date_implausible': return `Date du jugement d’ouverture ${ref} : hors de la période 1990–2099 ; la date limite de déclaration de créance reste inconnue`;
    case 'terms_not_understood': return `Conditions de paiement « ${ref} » non comprises : les factures sans échéance reçoivent le délai par défaut de ${n} jours`;
    case 'payment_not_positive': return 'Montant négatif ou nul (les remboursements ne sont pas encore lus)';
    case 'zero_amount': return 'Montant nul';
    case 'not_positive': return `${F} négatif ou nul`;
    case 'claim_amount_missing': return `Montant de la créance déclarée « ${ref} » : ce n’est pas un nombre, or une créance déclarée indique son montant`;
    case 'action_kind_unknown': return `Type d’action « ${ref} » inconnu : appel, courriel, courrier, promesse, litige, ne pas relancer, déclaration de créance ou note (ou call, email, letter, promise, dispute, do_not_chase, claim_declared)`;
    case 'promise_before_action': return `Date de promesse ${ref} antérieure à la date de l’action (${p(0)})`;
    case 'dispute_without_invoice': return 'Litige sans facture ni numéro de litige';
    case 'dispute_status_unknown': return `Statut de litige « ${ref} » : ni ouvert ni clos (open, closed)`;
    case 'dispute_reason_unknown': return `Motif de litige « ${ref} » inconnu (prix, qualité, livraison, quantité, facturation, doublon, autre) : compté comme autre`;
    case 'claim_without_mandataire': return 'Créance déclarée sans nom de mandataire (écrivez-le dans sa note)';
    case 'email_invalid': return `E-mail « ${ref} » : ce n’est pas une adresse ; ignoré`;
    case 'fec_date_unreadable': return `EcritureDate « ${ref} » : ce n’est pas une date (AAAAMMJJ)`;
    case 'fec_no_account': return 'Ligne sans compte (CompteNum vide)';
    case 'fec_amount_unreadable': return `Montant « ${ref} » : ce n’est pas un nombre (Debit/Credit, ou Montant et Sens D/C)`;
    case 'fec_currency_amount_unreadable': return `${ref ? `Montantdevise « ${ref} » : ce n’est pas un montant${parts[0] ? ` en ${parts[0]}` : ''}` : `Montantdevise vide pour une ligne en ${p(0)}`} ; la ligne est comptée dans la devise de l’entreprise seulement`;
    case 'fec_entry_unbalanced': return `Écriture ${ref} du ${p(0)} déséquilibrée : débits ${p(1)}, crédits ${p(2)} (écart ${p(3)})`;
    case 'fec_letter_group_debits_exceed': return `Le lettrage ${ref} du client ${p(0)} (exercice clos le ${p(1)}) n’est pas soldé : les débits dépassent les crédits de ${p(2)} ; ce qu’il ne règle pas est imputé à l’échéance la plus ancienne`;
    case 'fec_letter_group_credits_exceed': return `Le lettrage ${ref} du client ${p(0)} (exercice clos le ${p(1)}) n’est pas soldé : les crédits dépassent les débits de ${p(2)} ; ce qu’il ne règle pas est imputé à l’échéance la plus ancienne`;
    case 'ledger_credits_as_payments': return `${n} lignes au crédit sans type de document lues comme des paiements : sans ce type, un avoir ne se distingue pas d’un paiement ; associez openItems.columns.ledger.document_type pour les séparer`;
    case 'ledger_debits_as_invoices': return `${n} lignes au débit qui ne sont pas des documents de vente (remboursements, paiements ou passages en perte annulés) lues comme des pièces au débit : chacune est due comme une facture et comptée avec les factures`;
    case 'invoice_not_of_client': return `${field === 'credit_note' ? 'L’avoir' : 'Le paiement'} désigne la facture ${ref}, qui n’est pas une facture du client ${p(0)} : imputé à l’échéance la plus ancienne`;
    case 'einvoice_rejected': return `La facture ${ref} a été rejetée par la plateforme de facturation électronique le ${p(0)} (statut 213 Rejetée${parts[1] ? ` : ${parts[1]}` : ''}) : jamais valablement émise, elle est écartée des encours`;
    case 'einvoice_cashed_not_in_ledger': return `La facture ${ref} est encaissée sur la plateforme de facturation électronique (statut 212 Encaissée le ${p(0)}) mais le grand livre n’y montre aucun règlement : le grand livre est en retard`;
    case 'einvoice_unknown_invoice': return `Le statut de facturation électronique ${p(0)} nomme la facture ${ref}, absente du grand livre : non utilisé`;
    case 'snapshot_needs_history': return `Balance âgée (photo des soldes ouverts) : l’ancienneté, l’encours, les retards, la liste de relance, les lettres et les relevés sont justes au ${p(0)} ; le DSO, les délais de paiement, les scores et les backtests demandent l’historique des règlements, qui se constitue à mesure que les photos sont gardées (${n} depuis le ${ref}, leurs règlements dans snapshot_settlements)`;
    case 'after_as_of': return `Datée après la date de situation (${ref}) : laissée de côté pour ce traitement`;
    case 'promise_on_settled_invoices': return `Promesse de paiement saisie le ${ref} sur des factures déjà réglées ce jour-là : non suivie`;
    case 'balance_differs': return `L’export dit que la facture ${ref} doit encore ${p(0)}, et son montant moins ses paiements et ses avoirs laisse ${p(1)} à payer au ${p(2)} : un paiement ou un avoir manque aux exports, ou est daté après le solde de l’export`;
    case 'client_not_listed': return `Le client ${ref} n’est pas dans le fichier clients : affiché sous son code`;
    case 'fec_openings_superseded': return `${n} lignes d’à-nouveaux sur des comptes clients écartées : l’exercice précédent est chargé et ses lignes portent déjà les pièces reportées`;
    case 'settlement_after_as_of': return `Règlement daté après la date de situation (${ref}) : laissé de côté pour ce traitement`;
    case 'lettering_after_as_of': return `Lettrée après la date de situation (${ref}) : la date de lettrage n’est pas utilisée pour ce traitement`;
    case 'writeoff_reversal_unmatched': return `Annulation d’un passage en perte qui ne correspond à aucun passage en perte antérieur du client ${ref} (même facture, même lettrage ou même pièce) : non chargée, la perte reste comptée`;
    case 'writeoff_reversal_exceeds': return `Annulation supérieure à ce qui reste du passage en perte ${ref} : non chargée, la perte reste comptée`;
    case 'no_clients_file': return `Pas de fichier clients : les ${n} clients sont affichés sous leur code, avec le délai de paiement par défaut (${ref} jours)`;
    case 'ecb_rates_start_late': return `Pénalités de retard : ${n} jours de retard antérieurs au premier semestre du barème BCE ne sont pas chiffrés ; ajoutez les semestres antérieurs`;
    case 'dispute_before_invoice': return `Le litige ${ref} est daté du ${p(0)}, avant l’émission de la facture ${p(1)} qu’il vise (le ${p(2)}) : vérifiez sa date d’ouverture ou le numéro de facture dans le journal de recouvrement`;
    case 'dispute_settled': return `Le litige ${ref} est ouvert dans le journal de recouvrement mais ses factures sont réglées : il n’est pas compté comme ouvert ; clôturez-le dans le journal`;
    case 'ecb_rates_missing': return `Pénalités de retard : ${n} jours de retard postérieurs au dernier semestre du barème BCE ne sont pas chiffrés ; ajoutez les semestres manquants`;
    default: return undefined;
  }
};

export const reasonsEn: ReasonWording = (code, n, ref, parts, field) => {
  const f = fieldsEn[field ?? ''] ?? field ?? '';
  const F = capital(f);
  const p = (i: number) => parts[i] ?? '…';
  // A warning on an amount that does not read: the currency written beside it, then its problem.
  const amountProblemEn = () => amountProblemsEn[p(1)]?.(p(0)) ?? 'does not read as an amount';
  if (code.startsWith('amount_')) {
    const problem = amountProblemsEn[code.slice('amount_'.length)];
    return problem && `${F} '${ref}' ${problem(p(0))}`;
  }
  switch (code) {
    case 'csv_too_many_columns': return `Unreadable line: more values than the header’s ${p(0)} columns (a delimiter inside an unquoted value?)`;
    case 'csv_missing_columns': return `Unreadable line: ${p(1)} values for the header’s ${p(0)} columns`;
    case 'csv_invalid_encoding': return 'Unreadable line: not valid UTF-8 (check the file’s encoding)';
    case 'csv_unquoted_value': return 'Unreadable line: a quote is not closed';
    case 'csv_line_too_long': return 'Unreadable line: too long';
    case 'report_lines_above_header': return `${n} line(s) above the header skipped`;
    case 'report_total_row': return `Total row '${ref}' of the report: not loaded`;
    case 'report_heading_row': return `Row with one value, '${ref}' (a heading or a footer of the report): not loaded`;
    case 'missing_client_id': return 'Missing client id';
    case 'missing_contact_name': return 'Missing contact name';
    case 'missing_invoice_id': return 'Missing invoice id';
    case 'missing_document_id': return 'Missing document id';
    case 'missing_invoice_number': return 'Missing invoice number';
    case 'status_date_unreadable': return `Status date '${ref}' does not match the date format ${p(0)} or ISO 8601`;
    case 'status_unknown': return `Status '${ref}' is not a code of the e-invoicing lifecycle (200–214) nor its label (Déposée, Refusée, En litige, Encaissée, Rejetée…)`;
    case 'status_code_unknown': return `Status code '${ref}' is not one of 200–214; read from its label '${p(0)}' as ${p(1)}`;
    case 'status_code_label_disagree': return `Status code ${ref} and label '${p(0)}' disagree; the code is read`;
    case 'no_issue_or_due_date': return 'No issue date and no due date: the document cannot be aged';
    case 'no_issue_date': return 'No issue date: the due date stands for it';
    case 'whole_amount_unreadable': return `Amount '${ref}' ${amountProblemEn()}; the document’s whole amount is not known`;
    case 'snapshot_cancelled_documents': return `${n} documents whose status (${p(0)}) says they were never issued or were voided: not receivables`;
    case 'snapshot_written_off_documents': return `${n} documents written off (status ${p(0)}), ${p(1)} in all: not open items, out of the receivables`;
    case 'snapshot_settled_documents': return `${n} documents owe nothing at the snapshot (settled in full): not open items; kept in the snapshots to tell when they were settled`;
    case 'no_amount': return 'No amount: the debit and the credit are both empty';
    case 'direction_unknown': return `Direction '${ref}' is neither a debit nor a credit value of openItems.values.direction`;
    case 'document_type_unknown': return `Document type '${ref}' is in none of the lists of openItems.values.documentType (invoice, credit_note, payment, writeoff, refund)`;
    case 'due_date_unreadable': return `Due date '${ref}' does not match the date format; the client’s payment terms (or the default) are used`;
    case 'due_before_issue': return 'Due date before the issue date';
    case 'letter_date_unreadable': return `Lettering date '${ref}' does not match the date format; the line’s own date is used`;
    case 'paid_amount_unreadable': return `Paid amount '${ref}' ${amountProblemEn()}; the settlement is ignored`;
    case 'paid_date_unreadable': return `Paid date '${ref}' does not match the date format; the settlement is ignored`;
    case 'paid_amount_undated': return `Paid amount '${ref}' has no paid date: read as settled by the as-of date, its date unknown (payment-behaviour figures count it as paid on the as-of date)`;
    case 'company_amount_unreadable': return `Amount in the company currency '${ref}' ${amountProblemEn()}; the amount is converted with the rates file`;
    case 'excl_tax_unreadable': return `Amount excl. tax '${ref}' ${amountProblemEn()}; the amount incl. tax less the default VAT rate is used`;
    case 'duplicate_id': return `Duplicate ${f} ${ref} (the first line is kept)`;
    case 'date_unreadable': return `${F} '${ref}' does not match the date format ${p(0)}`;
    case 'date_implausible': return `${F} ${ref} is outside 1990–2099`;
    case 'procedure_date_unreadable': return `Procedure date '${ref}' does not match the date format ${p(0)}; the claim deadline stays unknown`;
    case 'procedure_date_implausible': return `Procedure date ${ref} is outside 1990–2099; the claim deadline stays unknown`;
    case 'terms_not_understood': return `Payment terms '${ref}' are not understood; invoices without a due date get the default of ${n} days`;
    case 'payment_not_positive': return 'Amount is not positive (refunds are not read yet)';
    case 'zero_amount': return 'Amount is zero';
    case 'not_positive': return `${F} is not positive`;
    case 'claim_amount_missing': return `Claim amount '${ref}' is not a number: a declared claim states its amount`;
    case 'action_kind_unknown': return `Kind '${ref}' is not one of call, email, letter, promise, dispute, do_not_chase, claim_declared, note (or appel, courriel, courrier, promesse, litige, ne pas relancer, déclaration de créance)`;
    case 'promise_before_action': return `Promise date ${ref} is before the action date (${p(0)})`;
    case 'dispute_without_invoice': return 'A dispute names no invoice and no dispute id';
    case 'dispute_status_unknown': return `Dispute status '${ref}' is not open or closed (ouvert, clos)`;
    case 'dispute_reason_unknown': return `Dispute reason '${ref}' is not one of price, quality, delivery, quantity, billing, duplicate, other: counted as other`;
    case 'claim_without_mandataire': return 'A declared claim names no mandataire (write the name in its note)';
    case 'email_invalid': return `E-mail '${ref}' is not an address: dropped`;
    case 'fec_date_unreadable': return `EcritureDate '${ref}' is not a date (YYYYMMDD)`;
    case 'fec_no_account': return 'The line has no account (CompteNum is empty)';
    case 'fec_amount_unreadable': return `The amount '${ref}' is not a number (Debit/Credit, or Montant and Sens D/C)`;
    case 'fec_currency_amount_unreadable': return `${ref ? `Montantdevise '${ref}' is not an amount${parts[0] ? ` in ${parts[0]}` : ''}` : `Montantdevise is empty on a line in ${p(0)}`}; the line is counted in the company currency only`;
    case 'fec_entry_unbalanced': return `Entry ${ref} of ${p(0)} does not balance: debits ${p(1)}, credits ${p(2)} (difference ${p(3)})`;
    case 'fec_letter_group_debits_exceed': return `Lettering group ${ref} of client ${p(0)} (fiscal year ending ${p(1)}) does not net to zero: debits exceed credits by ${p(2)}; what it does not settle is matched oldest due first`;
    case 'fec_letter_group_credits_exceed': return `Lettering group ${ref} of client ${p(0)} (fiscal year ending ${p(1)}) does not net to zero: credits exceed debits by ${p(2)}; what it does not settle is matched oldest due first`;
    case 'ledger_credits_as_payments': return `${n} credit lines with no document type read as payments: a credit note cannot be told from a payment without one; map openItems.columns.ledger.document_type to read them apart`;
    case 'ledger_debits_as_invoices': return `${n} debit lines that are not sales documents (refunds, payments or write-offs reversed) read as debit items: each is owed like an invoice and counted with the invoices`;
    case 'invoice_not_of_client': return `${field === 'credit_note' ? 'Credit note' : 'Payment'} names invoice ${ref}, which is not an invoice of client ${p(0)}: matched oldest due first instead`;
    case 'einvoice_rejected': return `Invoice ${ref} was rejected by the e-invoicing platform on ${p(0)} (status 213 Rejected${parts[1] ? `: ${parts[1]}` : ''}): never validly issued, it is left out of the receivables`;
    case 'einvoice_cashed_not_in_ledger': return `Invoice ${ref} is cashed on the e-invoicing platform (status 212 Cashed on ${p(0)}) but the ledger shows no payment on it: the ledger is late`;
    case 'einvoice_unknown_invoice': return `E-invoicing status ${p(0)} names invoice ${ref}, which is not in the ledger: not used`;
    case 'snapshot_needs_history': return `Open-balance snapshot: ageing, receivables, overdue, the worklist, letters and statements are right at ${p(0)}; DSO, days to pay, scores and backtests need payment history, which builds up as snapshots are kept (${n} since ${ref}, their settlements listed in snapshot_settlements)`;
    case 'after_as_of': return `Dated after the as-of date (${ref}): left out of this run`;
    case 'promise_on_settled_invoices': return `Promise to pay logged on ${ref} on invoices already settled that day: not watched`;
    case 'balance_differs': return `The export says invoice ${ref} still owes ${p(0)}, and its amount less its payments and credit notes leaves ${p(1)} open at ${p(2)}: a payment or a credit note missing from the exports, or dated after the export’s balance`;
    case 'client_not_listed': return `Client ${ref} is not in the clients file: shown under its id`;
    case 'fec_openings_superseded': return `${n} opening lines (à-nouveaux) on client accounts left out: the previous fiscal year is loaded, and its lines already hold the items brought forward`;
    case 'settlement_after_as_of': return `Settlement dated after the as-of date (${ref}): left out of this run`;
    case 'lettering_after_as_of': return `Lettered after the as-of date (${ref}): the lettering date is not used in this run`;
    case 'writeoff_reversal_unmatched': return `Write-off reversal matching no earlier write-off of client ${ref} (same invoice, lettering or piece): not loaded, the loss still counts`;
    case 'writeoff_reversal_exceeds': return `Reversal larger than what is left of write-off ${ref}: not loaded, the loss still counts`;
    case 'no_clients_file': return `No clients file: the ${n} clients are shown under their ids, with the default payment terms (${ref} days)`;
    case 'ecb_rates_start_late': return `Late-payment penalties: ${n} days late before the first half-year of the ECB rate table were not priced; add the earlier half-years`;
    case 'dispute_before_invoice': return `Dispute ${ref} is dated ${p(0)}, before invoice ${p(1)} it names was issued (${p(2)}): check its opening date or the invoice number in the collections log`;
    case 'dispute_settled': return `Dispute ${ref} is open in the collections log but its invoices are settled: it is not counted as open; close it in the log`;
    case 'ecb_rates_missing': return `Late-payment penalties: ${n} days late after the last half-year of the ECB rate table were not priced; add the missing half-years`;
    default: return undefined;
  }
};

/** A sentence's first letter in capitals. */
function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
