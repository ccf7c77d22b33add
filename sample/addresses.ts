// Fictional postal addresses for the sample's clients, in each country's own form (street line,
// postcode, city). Drawn from their own random stream (seeded from the sample's seed), so adding
// them changed no other byte of the sample. One client in a hundred has none, as in real client
// files, so a letter that cannot be posted shows on the sample.
import { randomLcg } from 'd3-random';

export interface PostalAddress {
  line1: string | null;
  line2: string | null;
  postcode: string | null;
  city: string | null;
}

const streets: Record<string, { words: readonly string[]; numberFirst: boolean }> = {
  FR: { words: ['rue de la République', 'avenue Jean Jaurès', 'boulevard Victor Hugo', 'rue des Tanneurs', 'place du Marché', 'chemin des Vignes', 'rue Pasteur', 'allée des Tilleuls'], numberFirst: true },
  BE: { words: ['rue de la Loi', 'avenue Louise', 'chaussée de Wavre', 'rue Haute', 'boulevard Anspach'], numberFirst: false },
  LU: { words: ['rue de Hollerich', 'boulevard Royal', 'route d’Arlon', 'avenue de la Gare'], numberFirst: true },
  CH: { words: ['rue du Rhône', 'Bahnhofstrasse', 'avenue de la Gare', 'chemin des Crêts'], numberFirst: false },
  DE: { words: ['Hauptstraße', 'Bahnhofstraße', 'Industriestraße', 'Gartenweg', 'Lindenallee'], numberFirst: false },
  ES: { words: ['Calle Mayor', 'Avenida de la Constitución', 'Calle del Comercio', 'Paseo de Gracia'], numberFirst: false },
  IT: { words: ['Via Roma', 'Via Garibaldi', 'Corso Vittorio Emanuele', 'Via dell’Industria'], numberFirst: false },
};

const cities: Record<string, readonly (readonly [string, string])[]> = {
  FR: [['69002', 'Lyon'], ['13001', 'Marseille'], ['31000', 'Toulouse'], ['44000', 'Nantes'], ['59000', 'Lille'], ['67000', 'Strasbourg'], ['33000', 'Bordeaux'], ['35000', 'Rennes'], ['75011', 'Paris'], ['06000', 'Nice']],
  BE: [['1000', 'Bruxelles'], ['4000', 'Liège'], ['5000', 'Namur'], ['7000', 'Mons'], ['6000', 'Charleroi']],
  LU: [['L-1661', 'Luxembourg'], ['L-4011', 'Esch-sur-Alzette'], ['L-9051', 'Ettelbruck']],
  CH: [['1204', 'Genève'], ['1003', 'Lausanne'], ['8001', 'Zürich'], ['2000', 'Neuchâtel']],
  DE: [['10115', 'Berlin'], ['80331', 'München'], ['50667', 'Köln'], ['70173', 'Stuttgart'], ['66111', 'Saarbrücken']],
  ES: [['28013', 'Madrid'], ['08007', 'Barcelona'], ['46002', 'Valencia'], ['41001', 'Sevilla']],
  IT: [['20121', 'Milano'], ['10121', 'Torino'], ['00184', 'Roma'], ['16121', 'Genova']],
};

const buildings = ['Bâtiment B', 'ZI Les Bruyères', 'BP 42', 'Parc d’activités du Moulin', 'Entrée C'];

/** A draw of addresses from `seed`: call it once per client, in the clients file's order. */
export function addressDrawer(seed: number): (country: string) => PostalAddress {
  const source = randomLcg(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(source() * list.length)]!;
  return (country) => {
    const missing = source() < 0.01;
    const street = streets[country] ?? streets.FR!;
    const [postcode, city] = pick(cities[country] ?? cities.FR!);
    const number = 1 + Math.floor(source() * 180);
    const line2 = source() < 0.2 ? pick(buildings) : null;
    const name = pick(street.words);
    if (missing) return { line1: null, line2: null, postcode: null, city: null };
    return { line1: street.numberFirst ? `${number} ${name}` : `${name} ${number}`, line2, postcode, city };
  };
}
