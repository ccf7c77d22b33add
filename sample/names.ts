// Fictional French company names for the sample: trades, family names, places and legal forms,
// with a few names that carry a ';' or quotes so that CSV quoting is exercised.
const trades = [
  'Boulangerie', 'Transports', 'Garage', 'Menuiserie', 'Pharmacie', 'Hôtel', 'Ateliers', 'Constructions',
  'Distribution', 'Laboratoires', 'Cabinet', 'Entreprise', 'Maison', 'Comptoir', 'Établissements', 'Imprimerie',
  'Serrurerie', 'Charpentes', 'Fromagerie', 'Clinique', 'Agence', 'Négoce', 'Brasserie', 'Plomberie',
];
const families = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon',
  'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel',
  'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Hélène', 'Noël', 'Chevalier',
  'Gauthier', 'Perrin', 'Rousseau', 'Blanchard', 'Guérin', 'Müller', 'Da Silva', 'Van Damme', 'Lemaître',
];
const places = ['du Rhône', 'de Provence', 'de Normandie', "d'Alsace", 'de Bretagne', "de la Côte d'Azur", 'du Jura', 'des Alpes', 'de Loire', 'du Nord'];
const legalForms = ['SAS', 'SARL', 'SA', 'EURL', 'SCI', 'SNC'];
const oddNames = ['Dupont & Fils; Négoce', 'Le "Petit" Marché', 'L\'Atelier "Bois & Co"', 'Martin; Martin et Associés'];

export function companyName(index: number, pick: <T>(list: readonly T[]) => T): string {
  if (index % 397 === 13) return oddNames[(index / 397) % oddNames.length | 0]!;
  const family = pick(families);
  const form = pick(legalForms);
  switch (index % 3) {
    case 0:
      return `${pick(trades)} ${family} ${form}`;
    case 1:
      return `${pick(trades)} ${pick(places)} ${form}`;
    default:
      return `${family} ${pick(families)} ${form}`;
  }
}
