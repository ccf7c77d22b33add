// Dunning reasons and alert texts, worded on the site from the columns of the dunning and alerts
// tables (the warehouse keeps an English sentence for analysts; the French site must not show it).
import { describe, expect, it } from 'vitest';

import { finance, financeLanguages } from '../../site/lib/i18n/finance.ts';

const reason = finance.collections.dunningReason;
const base = { stage: 'reminder_2', scheduled_stage: 'reminder_2', is_disputed: false, days_from_due: 10, schedule_day: 15, stage_start_day: 5, shift_days: 10, grade: 'E',
  collective_procedure: null, claim_deadline_date: null };

describe('dunning reasons in French', () => {
  it('says how many days late, the stage and when it starts, and why it starts earlier', () => {
    expect(reason(base)).toBe('10 jours de retard : relance 2 dès le jour 5 (jour 15, avancé de 10 jours pour la note E)');
    expect(reason({ ...base, days_from_due: 20, shift_days: 0, stage_start_day: 15, grade: 'B' })).toBe('20 jours de retard : relance 2 dès le jour 15');
  });

  it('words the preventive reminder before the due date, and a paused dispute', () => {
    expect(reason({ ...base, scheduled_stage: 'preventive_reminder', days_from_due: -2, schedule_day: -5, stage_start_day: -5 }))
      .toBe('Échéance dans 2 jours : relance préventive dès 5 jours avant l’échéance');
    expect(reason({ ...base, scheduled_stage: 'formal_notice', is_disputed: true }))
      .toBe('En litige : relances suspendues jusqu’au règlement du litige (sinon : mise en demeure)');
  });

  it('tells to declare the claim under a collective procedure, with its deadline when the judgment date is known', () => {
    const claim = { ...base, stage: 'declare_claim', scheduled_stage: 'litigation', collective_procedure: 'receivership' };
    expect(reason(claim)).toBe('Procédure collective (redressement judiciaire) : relances suspendues (L622-21) ; déclarer la créance au mandataire dans les deux mois '
      + 'de la publication du jugement au BODACC, quatre hors de France métropolitaine (R622-24) — date du jugement inconnue : date limite à vérifier au BODACC');
    // Judgment of 15 October 2026 → deadline 15 December 2026 (judgment + 2 months), not yet passed, then passed.
    expect(reason({ ...claim, claim_deadline_date: '2026-12-15', is_claim_deadline_passed: false })).toMatch(/, au plus tard le 15\/12\/2026 \(compté depuis le jugement\)$/);
    // Passed: relief from the foreclosure to ask by 15 April 2027 (judgment + 6 months, L622-26).
    expect(reason({ ...claim, claim_deadline_date: '2026-12-15', is_claim_deadline_passed: true, relief_deadline_date: '2027-04-15' }))
      .toMatch(/ — délai dépassé depuis le 15\/12\/2026 \(compté depuis le jugement\) : demander un relevé de forclusion au juge-commissaire au plus tard le 15\/04\/2027 \(L622-26\)$/);
  });

  it('says an invoice issued after the judgment is a claim born after it, chased on the schedule (L622-17)', () => {
    // Judgment of 11 June 2026; the invoice, issued after it, is 10 days past due, grade E: reminder 2 from day 5.
    expect(reason({ ...base, collective_procedure: 'receivership', procedure_date: '2026-06-11', is_post_judgment: true }))
      .toBe('Créance née après le jugement d’ouverture du 11/06/2026, payable à l’échéance (L622-17) : 10 jours de retard : relance 2 dès le jour 5 (jour 15, avancé de 10 jours pour la note E)');
    expect(financeLanguages.en.collections.dunningReason({ ...base, collective_procedure: 'receivership', procedure_date: '2026-06-11', is_post_judgment: true }))
      .toBe('Claim born after the opening judgment of 11/06/2026, payable when due (L622-17): 10 days past due: reminder 2 from day 5 (day 15, 10 days earlier for grade E)');
  });

  it('says a foreclosed claim is to write off, with nothing left to chase', () => {
    // Judgment of 15 October 2026: claim deadline 15/12/2026, relief until 15/04/2027, both passed.
    const foreclosed = { ...base, stage: 'claim_foreclosed', scheduled_stage: 'litigation', collective_procedure: 'liquidation',
      claim_deadline_date: '2026-12-15', is_claim_deadline_passed: true, relief_deadline_date: '2027-04-15' };
    expect(reason(foreclosed)).toBe('Procédure collective (liquidation judiciaire) : créance non déclarée dans le délai (le 15/12/2026) ni relevé de forclusion demandé '
      + 'dans les six mois du jugement (le 15/04/2027, L622-26) : elle ne peut plus être admise ; à passer en perte (ou à provisionner en totalité), plus rien à relancer');
    expect(finance.collections.stages.claim_foreclosed).toBe('Créance forclose — à passer en perte');
  });
});

describe('score reasons in French', () => {
  it('words a reason code with its band and the points it costs', () => {
    expect(finance.score.reason('max_days_past_due', 4, 22, true)).toBe('Facture en retard de 31 à 60 jours (−22 pts)');
    expect(finance.score.reason('collective_procedure', null, null, true)).toBe('Procédure collective en cours : client en défaut');
    expect(finance.score.reason('external_rating', 4, null, true)).toBe('Note externe faible (D) : note plafonnée à C');
  });

  it('words in the past, over the 12 months, a band the client has left (the score is smoothed over them)', () => {
    // C00881 on the sample: no invoice past due today, but one was 31–60 days late in the window;
    // C00769: 19.4 % of its limit used today, over it at 30/04/2026.
    expect(finance.score.reason('max_days_past_due', 4, 3, false)).toBe('Au cours des 12 derniers mois : une facture a atteint 31 à 60 jours de retard (−3 pts)');
    expect(finance.score.reason('limit_usage', 4, 4, false)).toBe('Au cours des 12 derniers mois : limite de crédit dépassée (−4 pts)');
    // Today's band, in the present: days late averaged with early payments counted as on time, so
    // a signed average of −2 days beside it is no contradiction.
    expect(finance.score.reason('days_late_12m', 2, 20, true)).toBe('Paie en moyenne 1 à 5 jours en retard sur 12 mois, paiements en avance comptés à l’heure (−20 pts)');
    // A warehouse that does not say (NULL) keeps the present wording.
    expect(finance.score.reason('limit_usage', 4, 4, null)).toBe('Limite de crédit dépassée (−4 pts)');
  });
});

describe('alerts in French', () => {
  const alert = { invoice_id: null, amount: null, detail: 'an English sentence', limit_amount: null, previous_grade: null, grade: null, pd_12m: null, grade_source: null,
    collective_procedure: null, days_late_calendar_3m: null, days_late_calendar_12m: null, payment_terms: null, longest_days: null };
  const money = (amount: number | null) => `${amount} €`;
  it('words each kind of alert from its parts, never with the warehouse’s English sentence', () => {
    expect(finance.collections.alertDetail({ ...alert, alert: 'overdue_90', invoice_id: 'F1' }, money)).toBe('Facture F1 à plus de 90 jours de retard');
    expect(finance.collections.alertDetail({ ...alert, alert: 'over_limit', amount: 2000, limit_amount: 10000 }, money)).toBe('Encours dépassant de 2000 € la limite de crédit de 10000 €');
    expect(finance.collections.alertDetail({ ...alert, alert: 'grade_drop', previous_grade: 'B', grade: 'E' }, money)).toBe('Note passée de B à E depuis la dernière fin de mois');
    expect(finance.collections.alertDetail({ ...alert, alert: 'collective_procedure', collective_procedure: 'liquidation' }, money))
      .toBe('Procédure collective (liquidation judiciaire) : arrêter les relances et déclarer la créance');
    expect(finance.collections.alertDetail({ ...alert, alert: 'days_late_worsening', days_late_calendar_3m: 40, days_late_calendar_12m: 12 }, money))
      .toBe('Paie avec 40 jours de retard sur les 3 derniers mois civils, contre 12 sur les 12 derniers');
    expect(finance.collections.alertDetail({ ...alert, alert: 'terms_beyond_legal_ceiling', payment_terms: '90 jours', longest_days: 90 }, money))
      .toBe('Conditions « 90 jours » : échéances jusqu’à 90 jours après la facture, au-delà du plafond légal (60 jours date de facture ou 45 jours fin de mois)');
  });
});
