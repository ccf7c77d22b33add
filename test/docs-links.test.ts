// The README is the front door and docs/ holds the rest: a link from one page to a section of
// another must land on a heading that exists, and a link to a file in the repository on a file
// that is there, or a reader following the guide meets a dead end. Reads files only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => join('docs', f))];

/** The lines of a Markdown file outside fenced code blocks (a `# pandas` comment is not a heading). */
function prose(text: string): string[] {
  let inCode = false;
  return text.split('\n').filter((line) => {
    if (line.startsWith('```')) inCode = !inCode;
    return !inCode && !line.startsWith('```');
  });
}

/** The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as hyphens, a repeat numbered. */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of prose(text)) {
    const heading = /^#{1,6} (.+)$/.exec(line)?.[1];
    if (!heading) continue;
    const slug = heading.trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-');
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    out.add(n ? `${slug}-${n}` : slug);
  }
  return out;
}

describe('anchors', () => {
  it('are the headings as GitHub links them', () => {
    // "The collections desk: log, worklist…" loses its colon and commas; the second "Tables" is "tables-1".
    const text = '# Title\n## The collections desk: log, worklist\n### Tables\n```sh\n# not a heading\n```\n### Tables\n';
    expect([...anchors(text)]).toEqual(['title', 'the-collections-desk-log-worklist', 'tables', 'tables-1']);
  });
});

const anchorsOf = new Map<string, Set<string>>();
const headingsOf = (file: string) => anchorsOf.get(file) ?? anchorsOf.set(file, anchors(readFileSync(file, 'utf8'))).get(file)!;

describe.each(pages)('%s', (page) => {
  const text = readFileSync(join(root, page), 'utf8');
  const links = prose(text).flatMap((line) => [...line.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!)).filter((target) => !/^[a-z]+:/.test(target));

  it('links only to files that exist and to headings that exist', () => {
    const broken: string[] = [];
    for (const target of links) {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const file = path ? join(root, dirname(page), path) : join(root, page);
      if (!existsSync(file)) {
        broken.push(`${target}: no file ${relative(root, file)}`);
        continue;
      }
      if (anchor && file.endsWith('.md') && !headingsOf(file).has(anchor)) broken.push(`${target}: no heading #${anchor} in ${relative(root, file)}`);
    }
    expect(broken).toEqual([]);
  });
});

describe('README.md', () => {
  it('stays a front door: at most 200 lines, pointing to each page of docs/', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readme.split('\n').length).toBeLessThanOrEqual(200);
    for (const page of pages.filter((p) => p !== 'README.md')) expect(readme, page).toContain(`](${page})`);
  });
});
