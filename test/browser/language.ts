// The words a page shows, and the words in it that belong to the other language. Used by
// language.test.ts on every page of the French and the English builds.
import { createRequire } from 'node:module';

import { parseHTML } from 'linkedom';

// linkedom's own HTML parser (the copy it resolves), driven directly by pageText().
const { Parser } = createRequire(createRequire(import.meta.url).resolve('linkedom'))('htmlparser2') as typeof import('htmlparser2');

/**
 * Words that only one of the two languages uses, as whole words (case-insensitive). Short words
 * ('the', 'les') catch a sentence; the nouns catch a label left untranslated.
 */
export const markers = {
  en: ['the', 'and', 'of', 'with', 'overdue', 'invoice', 'invoices', 'download', 'paid', 'late', 'days', 'due', 'receivables', 'amount', 'rate', 'none', 'month', 'months', 'week', 'weeks', 'credit note', 'client page', 'not', 'is', 'are', 'since', 'over', 'than', 'which', 'from', 'left out', 'dunning', 'reminder', 'grade dropped'],
  fr: ['les', 'des', 'du', 'une', 'aux', 'facture', 'factures', 'échéance', 'télécharger', 'relance', 'relances', 'jours', 'retard', 'encours', 'montant', 'avec', 'pour', 'mois', 'aucun', 'aucune', 'règlement', 'créances', 'échu', 'semaine', 'semaines', 'depuis', 'sur', 'à', 'où', 'fin de mois'],
} as const;

export type Language = keyof typeof markers;

/**
 * The text a reader meets: the page title and the body's text nodes (chart titles included),
 * scripts and styles left out, and what `skip` removes first.
 */
export function visibleText(html: string, skip: (document: Document) => void = () => {}): string {
  const { document } = parseHTML(html);
  for (const node of document.querySelectorAll('script, style, noscript')) node.remove();
  skip(document as unknown as Document);
  const title = document.querySelector('head > title')?.textContent ?? '';
  const texts: string[] = [title];
  const walk = (node: Node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) texts.push(child.textContent ?? '');
      else walk(child);
    }
  };
  if (document.body) walk(document.body as unknown as Node);
  // Each text node apart: 'Total' in one cell and 'Encours' in the next are two words, not one.
  return texts.join(' \n ').replace(/[\u00a0\u202f]/g, ' ');
}

/** An element pageText() leaves out with its text: its tag name, its classes and the classes of the elements around it. */
export type SkipElement = (tag: string, classes: string[], ancestorClasses: { has(name: string): boolean }) => boolean;

/**
 * visibleText() without building a DOM: the same text nodes joined the same way, read from the
 * events of the parser linkedom builds its DOM from (htmlparser2, with linkedom's options), one text
 * node per text event as linkedom makes them. Script, style and noscript elements and the elements
 * `skip` names are left out with everything inside them. Several times faster than visibleText(),
 * which matters on the 2,500 pages of a sample site; the language test checks both give the same
 * text on some of its pages.
 */
export function pageText(html: string, skip: SkipElement = () => false): string {
  const title: string[] = [];
  const body: string[] = [];
  // The open elements: whether the element and everything in it is left out, whether its text is read.
  const open: { tag: string; classes: string[]; leftOut: boolean; read: boolean }[] = [];
  // How many open elements carry each class (the classes of the elements around the next one).
  const classCount = new Map<string, number>();
  const around = { has: (name: string) => (classCount.get(name) ?? 0) > 0 };
  let titleState: 'before' | 'inside' | 'done' = 'before';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = open.at(-1);
        const classes = (attributes.class ?? '').split(/[\t\n\f\r ]+/).filter(Boolean);
        const leftOut = (parent?.leftOut ?? false) || name === 'script' || name === 'style' || name === 'noscript' || skip(name, classes, around);
        for (const name of classes) classCount.set(name, (classCount.get(name) ?? 0) + 1);
        open.push({ tag: name, classes, leftOut, read: !leftOut && (name === 'body' || (parent?.read ?? false)) });
        // document.querySelector('head > title'): the first title in the head.
        if (titleState === 'before' && name === 'title' && parent?.tag === 'head') titleState = 'inside';
      },
      ontext(text) {
        const element = open.at(-1);
        if (titleState === 'inside') title.push(text);
        if (element?.read) body.push(text);
      },
      onclosetag() {
        const element = open.pop();
        for (const name of element?.classes ?? []) classCount.set(name, classCount.get(name)! - 1);
        if (titleState === 'inside' && element?.tag === 'title') titleState = 'done';
      },
    },
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false },
  );
  parser.write(html);
  parser.end();
  return [title.join(''), ...body].join(' \n ').replace(/[\u00a0\u202f]/g, ' ');
}

/**
 * The other language's marker words in `text`, each with a few words around it, after removing
 * `inputs` (client names, payment terms, file names: text from the exports, in whatever language
 * the company writes it).
 */
export function foreignWords(text: string, language: Language, inputs: RegExp | null): string[] {
  const other: Language = language === 'fr' ? 'en' : 'fr';
  const cleaned = inputs ? text.replace(inputs, ' ') : text;
  const found: string[] = [];
  const pattern = wordPattern(markers[other], 'giu');
  for (const match of cleaned.matchAll(pattern)) {
    const start = Math.max(0, match.index - 40);
    found.push(cleaned.slice(start, match.index + match[0].length + 40).replace(/\s+/g, ' ').trim());
  }
  return found;
}

/**
 * One regular expression matching, as whole words, any of `strings` that holds a marker word of
 * `language`'s other language (the only input text that could be mistaken for a label), or null.
 */
export function inputText(strings: Iterable<string>, language: Language): RegExp | null {
  const other: Language = language === 'fr' ? 'en' : 'fr';
  const marker = wordPattern(markers[other], 'iu');
  const list = [...new Set([...strings].map((s) => s.replace(/[\u00a0\u202f]/g, ' ').trim()).filter((s) => marker.test(s)))].sort((a, b) => b.length - a.length);
  // An input is whole when no letter touches it; an apostrophe may ("Maison du Rhône SNC's invoices").
  return list.length ? new RegExp(`(?<![\\p{L}\\p{N}_])(${list.map(escape).join('|')})(?![\\p{L}\\p{N}_])`, 'gu') : null;
}

function wordPattern(words: readonly string[], flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_'’-])(${words.map(escape).join('|')})(?![\\p{L}\\p{N}_'’-])`, flags);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
