// Labels of the collections desk (worklist by client, per-rep pages, digests, statements and
// letters), per language, beside fr.ts and en.ts. A letter is written whole in the build's
// language: every sentence of it is here, none is assembled from the other language.
import { language } from './index.ts';

const kindsFr: Record<string, string> = { call: 'Appel', email: 'Courriel', letter: 'Courrier', promise: 'Promesse de paiement', dispute: 'Litige', do_not_chase: 'Ne pas relancer', claim_declared: 'Créance déclarée', note: 'Note' };
const kindsEn: Record<string, string> = { call: 'Call', email: 'E-mail', letter: 'Letter', promise: 'Promise to pay', dispute: 'Dispute', do_not_chase: 'Do not chase', claim_declared: 'Claim declared', note: 'Note' };

/** The law a formal notice cites (letters.legal_basis): France, another EU state, outside the EU. */
type LegalBasis = 'fr_commercial_code' | 'eu_directive' | 'terms_of_sale';

/**
 * What a formal notice claims, formatted: `interest` is null when it cannot be computed from
 * `unknownFrom` (an ECB half-year missing: never written as 0), `known` then the interest of the
 * days the table prices (null when none), included in `claimed`; `asOf` the date of the figures.
 */
interface PenaltyArgs {
  basis: LegalBasis;
  asOf: string;
  interest: string | null;
  known: string | null;
  unknownFrom: string | null;
  indemnity: string;
  perInvoice: string;
  claimed: string;
  points: string;
}

interface LetterText {
  title: string;
  subject: string;
  opening: string;
  body: (a: { open: string; deadline: string; days: string; count: string }) => string[];
  penalties?: (a: PenaltyArgs) => string[];
  closing: string;
}

const fr = {
  page: {
    title: 'Relances du jour',
    dataDate: (date: string) => `Données arrêtées au ${date}.`,
    overdueCompany: 'Échu (vue d’ensemble)',
    overdueCompanyNote: 'toutes les pièces échues : les cases suivantes le répartissent',
    toChase: 'Échu à relancer aujourd’hui',
    // The overdue to chase is about these invoices and clients, not the whole list (which holds
    // preventive reminders, paused invoices and claims to declare too).
    toChaseNote: (invoices: string, invoicesPlural: Intl.LDMLPluralRule, clients: string, clientsPlural: Intl.LDMLPluralRule) =>
      `${invoices} ${invoicesPlural === 'one' ? 'facture échue' : 'factures échues'} de ${clients} ${clientsPlural === 'one' ? 'client' : 'clients'}, à une étape du calendrier`,
    pausedOverdue: 'Échu suspendu',
    pausedOverdueNote: 'en litige, promesse en cours, « ne pas relancer »',
    toDeclare: 'Échu à déclarer',
    // Only the invoices issued by the judgment day: those issued after it are in the box to chase.
    toDeclareNote: 'factures émises au plus tard le jour du jugement d’une procédure collective : pas de relance',
    toWriteOff: 'Échu forclos, à passer en perte',
    toWriteOffNote: 'créance non déclarée, relevé de forclusion hors délai : plus rien à relancer',
    foreclosed: 'Créances forcloses — à passer en perte',
    foreclosedIntro: 'Clients en procédure collective dont la créance n’a pas été déclarée et dont le délai pour demander un relevé de forclusion au juge-commissaire (six mois après le jugement, article L622-26 du Code de commerce) est passé : la créance ne peut plus être admise, rien n’est à relancer à son titre. Ces factures ne sont pas dans la liste du jour (un client qui a aussi des factures émises après le jugement y reste pour celles-ci, à relancer normalement) ; à décider : passage en perte ou provision à 100 %. Le délai est compté depuis le jugement, quelques jours ou semaines avant sa publication au BODACC : pour une date toute récente, vérifier la publication ; un créancier qui ne pouvait connaître sa créance dispose d’un an.',
    procedure: 'Procédure',
    judgment: 'Jugement du',
    reliefUntil: 'Relevé jusqu’au',
    invoiceCount: 'Factures',
    foreclosedAmount: 'À passer en perte',
    otherOverdue: (amount: string) => `reste : ${amount} (avoirs échus, factures pas encore à une étape)`,
    preventive: 'Non échu, rappel préventif',
    preventiveNote: 'factures relancées avant leur échéance, hors échu',
    claimable: (amount: string, n: string, plural: Intl.LDMLPluralRule) =>
      `Réclamables maintenant : ${amount} sur ${n} ${plural === 'one' ? 'facture ouverte' : 'factures ouvertes'} en retard (intérêts et indemnités forfaitaires).`,
    claimableUnknown: (amount: string, indemnity: string, n: string, plural: Intl.LDMLPluralRule, date: string) =>
      `Réclamables maintenant : ${amount} sur ${n} ${plural === 'one' ? 'facture ouverte' : 'factures ouvertes'} en retard (${indemnity} d’indemnités forfaitaires et les intérêts calculables) ; les intérêts ne sont pas calculables à partir du ${date} (taux BCE manquant dans data/reference/ecb_rates.csv).`,
    paidLate: (amount: string, n: string, plural: Intl.LDMLPluralRule, since: string) =>
      `Pour information, pas à réclamer : les ${n} ${plural === 'one' ? 'facture réglée' : 'factures réglées'} en retard depuis le ${since} auraient donné droit à ${amount} de pénalités ; rien dans les exports ne montre qu’elles aient été réclamées.`,
    interestUnknown: (date: string) => `inconnus dès le ${date}`,
    interestPartial: (amount: string, date: string) => `${amount}, inconnus dès le ${date}`,
    plusUnknownInterest: (amount: string) => `${amount} + intérêts inconnus`,
    rateMissing: (date: string) => `Intérêts de retard non calculés à partir du ${date} : le taux BCE de ce semestre manque dans data/reference/ecb_rates.csv. Lettres et pages le disent au lieu d’afficher 0 € ; ajoutez le taux puis relancez l’import.`,
    stale: (days: string, date: string) => `Attention : ces données datent de ${days} jours (arrêtées au ${date}) ; les paiements reçus depuis n’y sont pas. Relancez l’import avant d’appeler les clients ou d’envoyer une lettre.`,
    clients: 'Clients à relancer',
    dueAmount: 'Montant concerné',
    overdueAmount: 'Dont échu',
    invoices: 'Factures',
    paused: 'Suspendues',
    lastAction: 'Dernière action',
    nextAction: 'Prochaine action',
    promise: 'Promesse',
    disputes: 'Litiges',
    contact: 'Contact',
    email: 'Courriel',
    phone: 'Téléphone',
    actions: 'Dernière action',
    new: 'Nouveau',
    newFilter: (date: string | null) => (date ? `Nouveaux depuis les données du ${date}` : 'Arrivés à leur étape ce jour'),
    newHelp: 'Clients arrivés à leur étape la plus avancée depuis les données précédentes : ceux qui n’étaient pas à relancer hier ou qui ont changé d’étape.',
    promiseLine: (status: string, date: string) => `Promesse ${status} · ${date}`,
    // A promise logged on invoices already paid that day: no live promise, a log to put right.
    promiseAlreadySettled: (logged: string, invoices: string | null) =>
      invoices
        ? `Promesse saisie le ${logged} sur ${invoices}, déjà ${invoices.includes(',') ? 'réglées' : 'réglée'} ce jour-là : saisie à rapprocher, quelles factures le client visait-il ?`
        : `Promesse saisie le ${logged} alors que rien n’était dû ce jour-là : saisie à rapprocher, quelles factures le client visait-il ?`,
    // A client under a collective procedure: what is to declare and what is to chase, apart.
    declareLine: (amount: string, n: string, plural: Intl.LDMLPluralRule) => `à déclarer ${amount} · ${n} ${plural === 'one' ? 'facture' : 'factures'}`,
    chaseLine: (amount: string, n: string, plural: Intl.LDMLPluralRule) => `à relancer ${amount} · ${n} ${plural === 'one' ? 'facture' : 'factures'}`,
    postJudgmentNote: (date: string, stage: string) => `Factures émises après le jugement du ${date} : ${stage} (L622-17)`,
    postJudgmentOnly: (procedure: string, date: string) => `En ${procedure} depuis le ${date} : factures émises après le jugement, relancées normalement (L622-17)`,
    disputedLine: (n: string, plural: Intl.LDMLPluralRule, amount: string) => (plural === 'one' ? `${n} facture en litige (${amount})` : `${n} factures en litige (${amount})`),
    overdueLine: (amount: string) => `dont échu ${amount}`,
    invoicesLine: (n: string, plural: Intl.LDMLPluralRule) => (plural === 'one' ? `${n} facture` : `${n} factures`),
    pausedLine: (n: string, plural: Intl.LDMLPluralRule) => (plural === 'one' ? `+ ${n} suspendue` : `+ ${n} suspendues`),
    nextLine: (date: string) => `prochaine le ${date}`,
    nextNow: 'à faire maintenant',
    rep: 'Commercial',
    stage: 'Étape la plus avancée',
    claimBy: (date: string) => `au plus tard le ${date}`,
    claimPassed: (date: string, relief: string | null) =>
      relief ? `délai dépassé depuis le ${date} : demander un relevé de forclusion au juge-commissaire au plus tard le ${relief}` : `délai dépassé depuis le ${date}`,
    claimUnknown: 'date limite inconnue : vérifier au BODACC',
    documents: 'Documents',
    statement: 'Relevé',
    letter: 'Lettre',
    perInvoice: 'Le détail par facture est dans le fichier CSV des actions.',
    reps: 'Par commercial',
    digest: 'Synthèse du jour',
    noRep: 'Sans commercial',
    disputesByReason: 'Litiges ouverts par motif',
    reason: 'Motif',
    openCount: 'Ouverts',
    openAmount: 'Montant',
    avgDaysOpen: 'Âge moyen (j)',
    ageUnknown: 'Âge inconnu',
    closed90: 'Clos sur 90 j',
    none: 'Aucun.',
  },
  rep: {
    title: (rep: string) => `Relances de ${rep}`,
    intro: (n: string, date: string) => `${n} clients à relancer au ${date}.`,
    digestLinks: 'Synthèse à envoyer par courriel : ',
    performance: 'Performance par mois',
    month: 'Mois',
    clientsChased: 'Clients relancés',
    chased: 'Échu relancé',
    collected: 'Encaissé dessus sous 30 j',
    promises: 'Promesses (tenues / non tenues)',
    disputesResolved: 'Litiges résolus',
    daysBeyondTerms: 'Retard au règlement (j)',
  },
  timeline: {
    title: 'Suivi du recouvrement',
    empty: 'Aucune action enregistrée.',
    date: 'Date',
    kind: 'Action',
    detail: 'Détail',
    author: 'Par',
    statementLink: 'Relevé de compte',
    letterLink: 'Lettre de relance',
    promiseDetail: (amount: string, date: string) => `${amount} promis pour le ${date}`,
    claimDetail: (amount: string) => `${amount} déclarés au mandataire`,
    untilDetail: (date: string) => `jusqu’au ${date}`,
    invoices: (ids: string) => `factures ${ids}`,
    penaltiesUnknown: (indemnity: string, interest: string | null, date: string) =>
      `(${indemnity} d’indemnités forfaitaires${interest ? ` et ${interest} d’intérêts calculés` : ''}) ; intérêts non calculables à partir du ${date} (taux BCE manquant)`,
    letterClaimPrincipal: (open: string) => `La mise en demeure réclame ${open} en principal (pénalités de retard françaises non appliquées).`,
    letterClaim: (claimed: string, open: string, indemnity: string, interest: string) =>
      `La mise en demeure réclame ${claimed} : ${open} en principal, ${indemnity} d’indemnités forfaitaires et ${interest} d’intérêts de retard.`,
    letterClaimUnknown: (claimed: string, open: string, indemnity: string, known: string | null, date: string) =>
      `La mise en demeure réclame ${claimed} : ${open} en principal, ${indemnity} d’indemnités forfaitaires${known ? ` et ${known} d’intérêts calculés` : ''} ; les intérêts ne sont pas calculables à partir du ${date} (taux BCE manquant).`,
    letterNotReady: 'Lettre pas prête à l’envoi : adresse postale manquante.',
    // A client under a collective procedure (the worklist's row): the claims to declare, by when, and
    // the invoices issued after the judgment, chased on the ordinary schedule.
    procedureDeclare: (amount: string, n: string, plural: Intl.LDMLPluralRule, deadline: string) =>
      `à déclarer au mandataire : ${amount} (${n} ${plural === 'one' ? 'facture émise' : 'factures émises'} au plus tard le jour du jugement), ${deadline}`,
    procedureChase: (amount: string, n: string, plural: Intl.LDMLPluralRule, stage: string) =>
      `à relancer selon le calendrier ordinaire : ${amount} (${n} ${plural === 'one' ? 'facture émise' : 'factures émises'} après le jugement, L622-17 ; étape : ${stage})`,
    procedureSplit: (procedure: string, date: string | null, parts: readonly string[]) =>
      `Procédure collective (${procedure}${date ? `, jugement du ${date}` : ''}) : ${parts.join(' ; ')}.`,
  },
  einvoice: {
    title: 'Statuts de facturation électronique',
    help: 'Le cycle de vie de chaque facture sur la plateforme agréée (export de statuts) : un refus ou un litige ouvre un litige et suspend les relances ; une facture rejetée n’a jamais été valablement émise et sort des encours. Sont listés les statuts qui ont un effet et le dernier statut de chaque facture ouverte ; tous sont dans la table invoice_statuses.',
    date: 'Date',
    invoice: 'Facture',
    status: 'Statut',
    detail: 'Détail',
    statuses: {
      '200': 'Déposée', '201': 'Émise par la plateforme', '202': 'Reçue par la plateforme', '203': 'Mise à disposition', '204': 'Prise en charge', '205': 'Approuvée',
      '206': 'Approuvée partiellement', '207': 'En litige', '208': 'Suspendue', '209': 'Complétée', '210': 'Refusée', '211': 'Paiement transmis', '212': 'Encaissée',
      '213': 'Rejetée', '214': 'Visée',
    } as Record<string, string>,
    effects: {
      opens_dispute: 'litige ouvert, relances suspendues',
      closes_dispute: 'litige clos',
      rejects_invoice: 'jamais valablement émise : hors encours',
      cashed_not_in_ledger: 'encaissée, mais aucun règlement au grand livre (grand livre en retard)',
    } as Record<string, string>,
  },
  risk: {
    label: 'Le risque en bref',
    grade: 'Note',
    pd: (p: string) => `défaut à 12 mois : ${p}`,
    fallback: 'note par défaut (pas de score)',
    stage: 'Relance du jour',
    noStage: 'Aucune',
    nextAction: (date: string) => `prochaine action le ${date}`,
    /** Declaring the claim, once its deadline has passed (the worklist's words: list-rows.ts stageText). */
    askRelief: 'Relevé de forclusion',
    reliefBy: (relief: string, claim: string) => `à demander au juge-commissaire au plus tard le ${relief} (délai de déclaration dépassé depuis le ${claim})`,
    exposure: 'Encours / limite',
    exposureNote: (exposure: string, limit: string) => `${exposure} pour une limite de ${limit}`,
    noLimit: (exposure: string) => `${exposure}, sans limite accordée`,
    insured: 'Limite assurée',
    uninsured: (amount: string) => `non assuré : ${amount}`,
    noInsurance: 'aucune',
    lastPayment: 'Dernier paiement',
    noPayment: 'jamais',
    paymentUnknown: 'inconnu',
    paymentUnknownNote: 'les exports ne datent aucun règlement (balance âgée)',
    contact: 'Contact',
    address: 'Adresse postale',
    noAddress: 'manquante : les lettres ne sont pas prêtes à l’envoi',
    noContact: 'aucun contact dans le fichier des contacts',
    rep: 'Commercial',
    repPage: 'ses clients à relancer',
  },
  kinds: kindsFr,
  reasons: { price: 'Prix', quality: 'Qualité', delivery: 'Livraison', quantity: 'Quantité', billing: 'Facturation', duplicate: 'Doublon', other: 'Autre', export_flag: 'Marquées en litige dans l’export (motif non précisé)' } as Record<string, string>,
  promiseStatus: { kept: 'tenue', pending: 'en cours', broken: 'non tenue', paid_late: 'réglée en retard', superseded: 'remplacée', already_settled: 'déjà réglée à sa saisie' } as Record<string, string>,
  disputeStatus: { open: 'ouvert', closed: 'clos', settled: 'factures réglées, à clore' } as Record<string, string>,
  print: {
    button: 'Imprimer ou enregistrer en PDF',
    back: 'Retour à la fiche client',
    notReady: 'Lettre pas prête à l’envoi : l’adresse postale du client manque dans le fichier clients.',
    interestUnknown: (date: string) => `Intérêts de retard non calculables à partir du ${date} : le taux BCE de ce semestre manque dans data/reference/ecb_rates.csv. La lettre le dit et ne réclame que ce qui est calculé.`,
    leftOut: (n: string, plural: Intl.LDMLPluralRule, amount: string) =>
      plural === 'one'
        ? `${n} facture échue (${amount}) n’est pas dans cette lettre : en litige ou suspendue (promesse, « ne pas relancer »).`
        : `${n} factures échues (${amount}) ne sont pas dans cette lettre : en litige ou suspendues (promesse, « ne pas relancer »).`,
    otherLanguage: 'Lettre rédigée dans la langue du client.',
    otherLanguageStatement: 'Relevé rédigé dans la langue du client.',
    postJudgment: (date: string) => `Client en procédure collective (jugement d’ouverture du ${date}) : la lettre ne cite que les factures émises après le jugement, payables à leur échéance (L622-17) ; les créances à déclarer au mandataire n’y figurent pas.`,
  },
  statement: {
    title: 'Relevé de compte',
    asOf: (date: string) => `Situation au ${date}`,
    client: 'Client',
    code: 'Code client',
    codeLine: (id: string) => `Code client : ${id}`,
    document: 'Pièce',
    kind: { invoice: 'Facture', credit_note: 'Avoir', unapplied_payment: 'Règlement non affecté' } as Record<string, string>,
    kindColumn: 'Nature',
    date: 'Date',
    dueDate: 'Échéance',
    amount: 'Montant',
    open: 'Reste dû',
    daysPastDue: 'Jours de retard',
    invoicesTotal: 'Factures ouvertes',
    creditsTotal: 'Avoirs non imputés',
    total: 'Total des pièces ouvertes',
    overdue: 'Dont échu',
    unapplied: 'Règlements non affectés',
    balance: 'Solde à régler',
    // A client under a collective procedure: what was born before the judgment is the procedure's.
    preJudgmentTag: 'antérieure au jugement',
    preJudgment: (date: string | null, amount: string) =>
      `Créances nées avant le jugement d’ouverture de votre procédure collective${date ? ` du ${date}` : ''} : ${amount}. Elles relèvent de la procédure et ne peuvent pas être réglées directement (article L622-7 du Code de commerce) ; elles ne sont pas dans le solde à régler.`,
    balancePayable: 'Solde à régler (pièces nées après le jugement)',
    // A client invoiced in another currency: each document in its own, the company's books under it.
    foreignNote: (currency: string) => `Chaque pièce est indiquée dans sa devise, et les totaux et le solde par devise ; sous un montant dans une autre devise, sa contre-valeur en ${currency} dans nos livres.`,
    equivalent: (amount: string) => `contre-valeur : ${amount}`,
    footer: 'Sauf erreur ou omission. Merci de nous signaler tout écart.',
  },
  letter: {
    place: (city: string, date: string) => (city ? `${city}, le ${date}` : `Le ${date}`),
    siren: (siren: string) => `SIREN ${siren}`,
    attention: (name: string) => `À l’attention de ${name}`,
    addressMissing: 'Adresse postale manquante : complétez le fichier clients (adresse, code postal, ville) avant d’envoyer ce courrier.',
    interestUnknown: (date: string) => `non calculable à partir du ${date}`,
    interestPartial: (amount: string, date: string) => `${amount} ; non calculable à partir du ${date}`,
    asOf: (date: string) => `Situation au ${date} : restes dus et jours de retard à cette date.`,
    salutation: 'Madame, Monsieur,',
    postJudgment: (date: string) => `Ces factures ont été émises après le jugement d’ouverture de votre procédure collective du ${date} : nées après ce jugement, elles sont payables à leur échéance (article L622-17 du Code de commerce).`,
    invoice: 'Facture',
    issueDate: 'Date',
    dueDate: 'Échéance',
    open: 'Reste dû',
    daysLate: 'Jours de retard',
    interest: 'Intérêts de retard',
    indemnity: 'Indemnité forfaitaire',
    total: 'Total',
    signature: 'Le service recouvrement',
    letters: {
      preventive_reminder: {
        title: 'Rappel d’échéance',
        subject: 'Objet : rappel d’échéance',
        opening: 'Nous nous permettons de vous rappeler l’échéance prochaine des factures ci-dessous.',
        body: ({ open }) => [`Leur montant restant dû s’élève à ${open}. Nous vous remercions de bien vouloir en prévoir le règlement à leur échéance.`],
        closing: 'Si votre règlement est déjà parti, nous vous prions de ne pas tenir compte de ce courrier. Veuillez agréer, Madame, Monsieur, nos salutations distinguées.',
      },
      reminder_1: {
        title: 'Relance amiable',
        subject: 'Objet : relance — factures échues',
        opening: 'Sauf erreur ou omission de notre part, les factures ci-dessous restent impayées à ce jour.',
        body: ({ open, deadline }) => [`Nous vous remercions de bien vouloir procéder au règlement de la somme de ${open} au plus tard le ${deadline}.`],
        closing: 'Si votre règlement a été émis entre-temps, nous vous prions de ne pas tenir compte de ce courrier. Veuillez agréer, Madame, Monsieur, nos salutations distinguées.',
      },
      reminder_2: {
        title: 'Deuxième relance',
        subject: 'Objet : deuxième relance — factures échues',
        opening: 'Malgré notre précédente relance, les factures ci-dessous restent impayées à ce jour.',
        body: ({ open, deadline }) => [
          `Nous vous demandons de régler la somme de ${open} au plus tard le ${deadline}.`,
          'À défaut, nous serons contraints de vous adresser une mise en demeure, assortie des pénalités de retard et de l’indemnité forfaitaire pour frais de recouvrement prévues par la loi.',
        ],
        closing: 'Veuillez agréer, Madame, Monsieur, nos salutations distinguées.',
      },
      formal_notice: {
        title: 'Mise en demeure',
        subject: 'Objet : mise en demeure de payer — lettre recommandée avec accusé de réception',
        opening: 'Malgré nos relances, les factures ci-dessous restent impayées à ce jour.',
        body: ({ open, days, deadline }) => [
          `Par la présente, nous vous mettons en demeure de nous régler la somme de ${open} en principal dans un délai de ${days} jours, soit au plus tard le ${deadline}.`,
        ],
        penalties: ({ basis, asOf, interest, known, unknownFrom, indemnity, perInvoice, claimed, points }) => {
          const law = {
            fr_commercial_code: 'Conformément à l’article L441-10 du Code de commerce',
            eu_directive: 'Conformément à la directive 2011/7/UE concernant la lutte contre le retard de paiement dans les transactions commerciales et à nos conditions générales de vente',
            terms_of_sale: 'Conformément à nos conditions générales de vente, rappelées sur chacune de nos factures',
          }[basis];
          const indemnityLaw = { fr_commercial_code: ' (article D441-5)', eu_directive: ' (article 6 de la directive)', terms_of_sale: '' }[basis];
          const amount = interest !== null
            ? `, soit ${interest} au ${asOf}`
            : `${known ? `, soit ${known} au ${asOf} pour les jours de retard dont le taux est connu` : ''} ; les intérêts courus à partir du ${unknownFrom} ne peuvent pas encore être calculés, le taux de la Banque centrale européenne de cette période manquant à notre barème`;
          return [
            `${law}, ces sommes portent intérêt au taux de refinancement de la Banque centrale européenne majoré de ${points} points${amount}. Chaque facture payée en retard donne lieu à une indemnité forfaitaire pour frais de recouvrement de ${perInvoice}${indemnityLaw}, soit ${indemnity}.`,
            interest !== null
              ? `Le montant total réclamé s’élève ainsi à ${claimed}, les intérêts continuant de courir jusqu’au paiement.`
              : `Le montant total réclamé s’élève ainsi à ${claimed}, hors intérêts non encore calculés, qui continuent de courir jusqu’au paiement.`,
          ];
        },
        closing: 'À défaut de règlement dans ce délai, nous saisirons la juridiction compétente sans autre avis. Veuillez agréer, Madame, Monsieur, nos salutations distinguées.',
      },
    } as Record<string, LetterText>,
  },
  digest: {
    title: (rep: string, date: string) => `Relances du ${date} — ${rep}`,
    intro: (n: string) => `${n} clients à relancer, par perte attendue.`,
    page: 'Liste complète',
  },
};

type DeskLabels = typeof fr;

const en: DeskLabels = {
  page: {
    title: 'Today’s collections',
    dataDate: (date) => `Data as of ${date}.`,
    overdueCompany: 'Overdue (overview)',
    overdueCompanyNote: 'every item past due: the next boxes split it',
    toChase: 'Overdue to chase today',
    toChaseNote: (invoices, invoicesPlural, clients, clientsPlural) =>
      `${invoices} overdue ${invoicesPlural === 'one' ? 'invoice' : 'invoices'} of ${clients} ${clientsPlural === 'one' ? 'client' : 'clients'}, at a step of the schedule`,
    pausedOverdue: 'Overdue, paused',
    pausedOverdueNote: 'in dispute, promise pending, “do not chase”',
    toDeclare: 'Overdue, to declare',
    toDeclareNote: 'invoices issued by the day of a collective procedure’s judgment: no chasing',
    toWriteOff: 'Overdue, foreclosed: to write off',
    toWriteOffNote: 'claim not declared, too late to ask for relief: nothing left to chase',
    foreclosed: 'Foreclosed claims — to write off',
    foreclosedIntro: 'Clients under a collective procedure whose claim was not declared and whose time to ask the juge-commissaire for relief from the foreclosure (six months after the judgment, Code de commerce L622-26) has passed: the claim cannot be admitted any more, nothing is left to chase on it. These invoices are not in today’s list (a client that also has invoices issued after the judgment stays on it for those, chased as usual); to decide: write off or provide for in full. The time is counted from the judgment, a few days or weeks before its publication in the BODACC: for a very recent date, check the publication; a creditor who could not know of its claim has one year.',
    procedure: 'Procedure',
    judgment: 'Judgment of',
    reliefUntil: 'Relief until',
    invoiceCount: 'Invoices',
    foreclosedAmount: 'To write off',
    otherOverdue: (amount) => `rest: ${amount} (overdue credit notes, invoices not at a step yet)`,
    preventive: 'Not yet due, preventive reminder',
    preventiveNote: 'invoices reminded before they fall due, not overdue',
    claimable: (amount, n, plural) => `Claimable now: ${amount} on ${n} open late ${plural === 'one' ? 'invoice' : 'invoices'} (interest and fixed indemnities).`,
    claimableUnknown: (amount, indemnity, n, plural, date) =>
      `Claimable now: ${amount} on ${n} open late ${plural === 'one' ? 'invoice' : 'invoices'} (${indemnity} of fixed indemnities and the interest that can be calculated); the interest cannot be calculated from ${date} (ECB rate missing from data/reference/ecb_rates.csv).`,
    paidLate: (amount, n, plural, since) =>
      `For information, not to claim: the ${n} ${plural === 'one' ? 'invoice' : 'invoices'} settled late since ${since} would have given rise to ${amount} of penalties; nothing in the exports shows they were claimed.`,
    interestUnknown: (date) => `unknown from ${date}`,
    interestPartial: (amount, date) => `${amount}, unknown from ${date}`,
    plusUnknownInterest: (amount) => `${amount} + unknown interest`,
    rateMissing: (date) => `Late-payment interest not calculated from ${date}: the ECB rate for that half-year is missing from data/reference/ecb_rates.csv. Letters and pages say so instead of showing €0; add the rate and run the import again.`,
    stale: (days, date) => `Warning: this data is ${days} days old (as of ${date}); payments received since are not in it. Run the import again before calling clients or sending a letter.`,
    clients: 'Clients to chase',
    dueAmount: 'Amount concerned',
    overdueAmount: 'Of which overdue',
    invoices: 'Invoices',
    paused: 'Paused',
    lastAction: 'Last action',
    nextAction: 'Next action',
    promise: 'Promise',
    disputes: 'Disputes',
    contact: 'Contact',
    email: 'E-mail',
    phone: 'Phone',
    actions: 'Last action',
    new: 'New',
    newFilter: (date) => (date ? `New since the data of ${date}` : 'Reached their stage today'),
    newHelp: 'Clients that reached their most advanced stage since the previous data: not to chase yesterday, or moved to another stage.',
    promiseLine: (status, date) => `Promise ${status} · ${date}`,
    promiseAlreadySettled: (logged, invoices) =>
      invoices
        ? `Promise logged on ${logged} names ${invoices}, already paid that day: reconcile the log, which invoices did the client mean?`
        : `Promise logged on ${logged} when nothing was owed: reconcile the log, which invoices did the client mean?`,
    declareLine: (amount, n, plural) => `to declare ${amount} · ${n} ${plural === 'one' ? 'invoice' : 'invoices'}`,
    chaseLine: (amount, n, plural) => `to chase ${amount} · ${n} ${plural === 'one' ? 'invoice' : 'invoices'}`,
    postJudgmentNote: (date, stage) => `Invoices issued after the judgment of ${date}: ${stage} (L622-17)`,
    postJudgmentOnly: (procedure, date) => `${procedure} since ${date}: invoices issued after the judgment, chased as usual (L622-17)`,
    disputedLine: (n, plural, amount) => `${n} ${plural === 'one' ? 'invoice' : 'invoices'} in dispute (${amount})`,
    overdueLine: (amount) => `of which overdue ${amount}`,
    invoicesLine: (n, plural) => `${n} ${plural === 'one' ? 'invoice' : 'invoices'}`,
    pausedLine: (n, plural) => `+ ${n} paused`,
    nextLine: (date) => `next on ${date}`,
    nextNow: 'to do now',
    rep: 'Sales rep',
    stage: 'Most advanced stage',
    claimBy: (date: string) => `by ${date}`,
    claimPassed: (date: string, relief: string | null) =>
      relief ? `deadline passed on ${date}: ask the juge-commissaire for relief from the foreclosure by ${relief}` : `deadline passed on ${date}`,
    claimUnknown: 'deadline unknown: check the BODACC',
    documents: 'Documents',
    statement: 'Statement',
    letter: 'Letter',
    perInvoice: 'The detail per invoice is in the actions CSV file.',
    reps: 'By sales rep',
    digest: 'Daily digest',
    noRep: 'No sales rep',
    disputesByReason: 'Open disputes by reason',
    reason: 'Reason',
    openCount: 'Open',
    openAmount: 'Amount',
    avgDaysOpen: 'Average age (d)',
    ageUnknown: 'Age unknown',
    closed90: 'Closed in 90 d',
    none: 'None.',
  },
  rep: {
    title: (rep) => `Collections for ${rep}`,
    intro: (n, date) => `${n} clients to chase as of ${date}.`,
    digestLinks: 'Digest to send by e-mail: ',
    performance: 'Performance by month',
    month: 'Month',
    clientsChased: 'Clients chased',
    chased: 'Overdue chased',
    collected: 'Collected on it within 30 d',
    promises: 'Promises (kept / broken)',
    disputesResolved: 'Disputes resolved',
    daysBeyondTerms: 'Days late at settlement',
  },
  timeline: {
    title: 'Collections log',
    empty: 'No action recorded.',
    date: 'Date',
    kind: 'Action',
    detail: 'Detail',
    author: 'By',
    statementLink: 'Account statement',
    letterLink: 'Dunning letter',
    promiseDetail: (amount, date) => `${amount} promised by ${date}`,
    claimDetail: (amount) => `${amount} declared to the mandataire`,
    untilDetail: (date) => `until ${date}`,
    invoices: (ids) => `invoices ${ids}`,
    penaltiesUnknown: (indemnity, interest, date) =>
      `(${indemnity} of fixed indemnities${interest ? ` and ${interest} of interest calculated` : ''}); interest cannot be calculated from ${date} (ECB rate missing)`,
    letterClaimPrincipal: (open) => `The formal notice claims ${open} principal (French late-payment penalties not applied).`,
    letterClaim: (claimed, open, indemnity, interest) => `The formal notice claims ${claimed}: ${open} principal, ${indemnity} of fixed indemnities and ${interest} of late-payment interest.`,
    letterClaimUnknown: (claimed, open, indemnity, known, date) =>
      `The formal notice claims ${claimed}: ${open} principal, ${indemnity} of fixed indemnities${known ? ` and ${known} of interest calculated` : ''}; interest cannot be calculated from ${date} (ECB rate missing).`,
    letterNotReady: 'Letter not ready to send: postal address missing.',
    procedureDeclare: (amount, n, plural, deadline) =>
      `to declare to the mandataire: ${amount} (${n} ${plural === 'one' ? 'invoice' : 'invoices'} issued by the judgment day), ${deadline}`,
    procedureChase: (amount, n, plural, stage) =>
      `to chase on the ordinary schedule: ${amount} (${n} ${plural === 'one' ? 'invoice' : 'invoices'} issued after the judgment, L622-17; stage: ${stage})`,
    procedureSplit: (procedure, date, parts) => `Collective procedure (${procedure.toLowerCase()}${date ? `, judgment of ${date}` : ''}): ${parts.join('; ')}.`,
  },
  einvoice: {
    title: 'E-invoicing statuses',
    help: 'Each invoice’s lifecycle on the accredited platform (its status export): a refusal or a dispute opens a dispute and pauses dunning; a rejected invoice was never validly issued and is out of the receivables. Listed: the statuses that act, and the latest status of each open invoice; all of them are in the invoice_statuses table.',
    date: 'Date',
    invoice: 'Invoice',
    status: 'Status',
    detail: 'Detail',
    statuses: {
      '200': 'Submitted', '201': 'Issued by the platform', '202': 'Received by the platform', '203': 'Made available', '204': 'In hand', '205': 'Approved',
      '206': 'Partially approved', '207': 'In dispute', '208': 'Suspended', '209': 'Completed', '210': 'Refused', '211': 'Payment sent', '212': 'Cashed',
      '213': 'Rejected', '214': 'Reviewed',
    },
    effects: {
      opens_dispute: 'dispute opened, dunning paused',
      closes_dispute: 'dispute closed',
      rejects_invoice: 'never validly issued: out of the receivables',
      cashed_not_in_ledger: 'cashed, but no payment in the ledger (the ledger is late)',
    },
  },
  risk: {
    label: 'Risk at a glance',
    grade: 'Grade',
    pd: (p) => `default within 12 months: ${p}`,
    fallback: 'fallback grade (no score)',
    stage: 'Today’s dunning',
    noStage: 'None',
    nextAction: (date) => `next action on ${date}`,
    askRelief: 'Relief from foreclosure',
    reliefBy: (relief, claim) => `ask the juge-commissaire for it by ${relief} (claim deadline passed on ${claim})`,
    exposure: 'Exposure / limit',
    exposureNote: (exposure, limit) => `${exposure} against a limit of ${limit}`,
    noLimit: (exposure) => `${exposure}, no limit granted`,
    insured: 'Insured limit',
    uninsured: (amount) => `uninsured: ${amount}`,
    noInsurance: 'none',
    lastPayment: 'Last payment',
    noPayment: 'never',
    paymentUnknown: 'unknown',
    paymentUnknownNote: 'the exports date no settlement (an open-balance snapshot)',
    contact: 'Contact',
    address: 'Postal address',
    noAddress: 'missing: letters are not ready to send',
    noContact: 'no contact in the contacts file',
    rep: 'Sales rep',
    repPage: 'their clients to chase',
  },
  kinds: kindsEn,
  reasons: { price: 'Price', quality: 'Quality', delivery: 'Delivery', quantity: 'Quantity', billing: 'Billing error', duplicate: 'Duplicate', other: 'Other', export_flag: 'Flagged as disputed in the export (no reason given)' },
  promiseStatus: { kept: 'kept', pending: 'pending', broken: 'broken', paid_late: 'paid late', superseded: 'superseded', already_settled: 'already settled when logged' },
  disputeStatus: { open: 'open', closed: 'closed', settled: 'invoices settled, to close' },
  print: {
    button: 'Print or save as PDF',
    back: 'Back to the client page',
    notReady: 'Letter not ready to send: the client’s postal address is missing from the clients file.',
    interestUnknown: (date) => `Late-payment interest cannot be calculated from ${date}: the ECB rate for that half-year is missing from data/reference/ecb_rates.csv. The letter says so and claims only what is calculated.`,
    leftOut: (n, plural, amount) =>
      `${n} overdue ${plural === 'one' ? 'invoice' : 'invoices'} (${amount}) left out of this letter: in dispute or paused (promise, “do not chase”).`,
    otherLanguage: 'Letter written in the client’s language.',
    otherLanguageStatement: 'Statement written in the client’s language.',
    postJudgment: (date) => `Client under a collective procedure (opening judgment of ${date}): the letter names only the invoices issued after the judgment, payable when due (L622-17); the claims to declare to the mandataire are not in it.`,
  },
  statement: {
    title: 'Account statement',
    asOf: (date) => `Position as of ${date}`,
    client: 'Customer',
    code: 'Customer code',
    codeLine: (id) => `Customer code: ${id}`,
    document: 'Document',
    kind: { invoice: 'Invoice', credit_note: 'Credit note', unapplied_payment: 'Unapplied payment' },
    kindColumn: 'Type',
    date: 'Date',
    dueDate: 'Due date',
    amount: 'Amount',
    open: 'Outstanding',
    daysPastDue: 'Days past due',
    invoicesTotal: 'Open invoices',
    creditsTotal: 'Unused credit notes',
    total: 'Total of open items',
    overdue: 'Of which overdue',
    unapplied: 'Unapplied payments',
    balance: 'Balance to pay',
    preJudgmentTag: 'before the judgment',
    preJudgment: (date, amount) =>
      `Claims born before the judgment opening your collective procedure${date ? ` of ${date}` : ''}: ${amount}. They fall within the procedure and may not be paid directly (French Commercial Code, article L622-7); they are not in the balance to pay.`,
    balancePayable: 'Balance to pay (items born after the judgment)',
    foreignNote: (currency) => `Each document is stated in its own currency, and the totals and the balance per currency; under an amount in another currency, its ${currency} equivalent in our books.`,
    equivalent: (amount) => `equivalent: ${amount}`,
    footer: 'Errors and omissions excepted. Please let us know of any difference.',
  },
  letter: {
    place: (city, date) => (city ? `${city}, ${date}` : date),
    siren: (siren) => `Company number (SIREN) ${siren}`,
    attention: (name) => `For the attention of ${name}`,
    addressMissing: 'Postal address missing: complete the clients file (address, postcode, city) before sending this letter.',
    interestUnknown: (date) => `cannot be calculated from ${date}`,
    interestPartial: (amount, date) => `${amount}; cannot be calculated from ${date}`,
    asOf: (date) => `Position as at ${date}: amounts outstanding and days late on that date.`,
    salutation: 'Dear Sir or Madam,',
    postJudgment: (date) => `These invoices were issued after the judgment of ${date} opening your collective proceedings: claims arising after that judgment, they are payable when due (article L622-17 of the French Commercial Code).`,
    invoice: 'Invoice',
    issueDate: 'Date',
    dueDate: 'Due date',
    open: 'Outstanding',
    daysLate: 'Days late',
    interest: 'Late-payment interest',
    indemnity: 'Fixed recovery indemnity',
    total: 'Total',
    signature: 'Credit control department',
    letters: {
      preventive_reminder: {
        title: 'Payment reminder',
        subject: 'Subject: upcoming due dates',
        opening: 'We would like to remind you that the invoices below will soon fall due.',
        body: ({ open }) => [`The amount outstanding on them is ${open}. Thank you for arranging their payment by their due dates.`],
        closing: 'If you have already paid, please disregard this letter. Yours faithfully,',
      },
      reminder_1: {
        title: 'Friendly reminder',
        subject: 'Subject: reminder — overdue invoices',
        opening: 'Unless we are mistaken, the invoices below remain unpaid to date.',
        body: ({ open, deadline }) => [`We would be grateful if you could pay the sum of ${open} by ${deadline} at the latest.`],
        closing: 'If your payment has been sent in the meantime, please disregard this letter. Yours faithfully,',
      },
      reminder_2: {
        title: 'Second reminder',
        subject: 'Subject: second reminder — overdue invoices',
        opening: 'Despite our previous reminder, the invoices below remain unpaid to date.',
        body: ({ open, deadline }) => [
          `We ask you to pay the sum of ${open} by ${deadline} at the latest.`,
          'Failing this, we will have to send you a formal notice, with the late-payment interest and the fixed recovery indemnity provided for by law.',
        ],
        closing: 'Yours faithfully,',
      },
      formal_notice: {
        title: 'Formal notice',
        subject: 'Subject: formal notice to pay — registered letter with acknowledgement of receipt',
        opening: 'Despite our reminders, the invoices below remain unpaid to date.',
        body: ({ open, days, deadline }) => [
          `We hereby give you formal notice to pay us the principal sum of ${open} within ${days} days, that is by ${deadline} at the latest.`,
        ],
        penalties: ({ basis, asOf, interest, known, unknownFrom, indemnity, perInvoice, claimed, points }) => {
          const law = {
            fr_commercial_code: 'Under article L441-10 of the French Commercial Code',
            eu_directive: 'Under Directive 2011/7/EU on combating late payment in commercial transactions and our general terms of sale',
            terms_of_sale: 'Under our general terms of sale, stated on each of our invoices',
          }[basis];
          const indemnityLaw = { fr_commercial_code: ' (article D441-5)', eu_directive: ' (Article 6 of the Directive)', terms_of_sale: '' }[basis];
          const amount = interest !== null
            ? `, ${interest} as at ${asOf}`
            : `${known ? `, ${known} as at ${asOf} for the days late whose rate is known` : ''}; the interest running from ${unknownFrom} cannot be calculated yet, as the European Central Bank rate for that period is missing from our rate table`;
          return [
            `${law}, these sums bear interest at the European Central Bank refinancing rate plus ${points} points${amount}. Each invoice paid late gives rise to a fixed compensation for recovery costs of ${perInvoice}${indemnityLaw}, ${indemnity} in all.`,
            interest !== null
              ? `The total claimed is therefore ${claimed}, interest continuing to run until payment.`
              : `The total claimed is therefore ${claimed}, not counting the interest not yet calculated, which continues to run until payment.`,
          ];
        },
        closing: 'Should payment not be received by that date, we will bring the matter before the competent court without further notice. Yours faithfully,',
      },
    },
  },
  digest: {
    title: (rep, date) => `Collections for ${date} — ${rep}`,
    intro: (n) => `${n} clients to chase, by expected loss.`,
    page: 'Full list',
  },
};

export const deskLanguages = { fr, en } as const;
export const desk: DeskLabels = deskLanguages[language()];
export type { DeskLabels, LegalBasis, LetterText, PenaltyArgs };
