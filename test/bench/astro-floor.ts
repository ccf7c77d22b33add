// The site build's floor: Astro alone rendering `--pages` pages of about `--kb` KB each (a layout,
// a heading, a table of rows: the shape of a client page, with no data to read and nothing to
// compute), built in its own process like test/bench/site-step.ts. Prints a JSON line with the
// time, the pages and their mean size. The project is written under test-output/bench/astro-floor/
// so that it finds the project's own Astro in node_modules.
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { build } from 'astro';
import { argv } from 'zx';

const pages = Number(argv.pages ?? 10_000);
const kb = Number(argv.kb ?? 20);
const root = resolve('test-output', 'bench', 'astro-floor');
rmSync(root, { recursive: true, force: true });
mkdirSync(join(root, 'src', 'pages', 'clients'), { recursive: true });
mkdirSync(join(root, 'src', 'layouts'), { recursive: true });

// A row of the table is about 87 bytes of HTML (Astro drops the spaces), the rest about 1 KB: enough rows to reach the size asked for.
const rows = Math.max(1, Math.round((kb * 1024 - 1000) / 87));
writeFileSync(join(root, 'astro.config.mjs'), `export default { output: 'static', build: { format: 'directory' } };\n`);
writeFileSync(join(root, 'src', 'layouts', 'Base.astro'), `---
interface Props { title: string }
const { title } = Astro.props;
---
<!doctype html>
<html lang="fr">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width" /><title>{title}</title></head>
  <body>
    <header><nav>{['Synthèse', 'Clients', 'Balance âgée', 'Segments', 'Scores', 'Recouvrement', 'Provisions', 'Prévisions', 'Qualité', 'À propos'].map((label, i) => <a href={'/' + i + '/'}>{label}</a>)}</nav></header>
    <main><slot /></main>
  </body>
</html>
`);
writeFileSync(join(root, 'src', 'pages', 'clients', '[id].astro'), `---
import Base from '../../layouts/Base.astro';
export function getStaticPaths() {
  return Array.from({ length: ${pages} }, (_, i) => ({ params: { id: 'C' + String(i).padStart(5, '0') }, props: { n: i } }));
}
const { n } = Astro.props;
const { id } = Astro.params;
const rows = Array.from({ length: ${rows} }, (_, i) => ({ invoice: 'F' + String(n * ${rows} + i).padStart(8, '0'), issued: '2026-0' + (1 + (i % 9)) + '-1' + (i % 10), amount: (n * 31 + i * 17) % 100000 + 0.45, days: (n + i) % 120 }));
---
<Base title={'Client ' + id}>
  <h1>Client {id}</h1>
  <section class="panel">
    <h2>Factures ouvertes <span class="count">{rows.length}</span></h2>
    <table class="numbers invoices">
      <thead><tr><th scope="col">Facture</th><th scope="col">Émise le</th><th scope="col">Montant</th><th scope="col">Jours de retard</th></tr></thead>
      <tbody>{rows.map((r) => <tr><th scope="row">{r.invoice}</th><td>{r.issued}</td><td>{r.amount} €</td><td class:list={[{ zero: r.days === 0 }]}>{r.days}</td></tr>)}</tbody>
    </table>
  </section>
</Base>
`);

const started = performance.now();
await build({ root, logLevel: 'warn' });
const ms = performance.now() - started;
const dir = join(root, 'dist', 'clients');
const sizes = readdirSync(dir).map((d) => statSync(join(dir, d, 'index.html')).size);
const { userCPUTime, systemCPUTime, maxRSS } = process.resourceUsage();
console.log(JSON.stringify({ ms, cpuMs: (userCPUTime + systemCPUTime) / 1000, pages: sizes.length, meanKb: sizes.reduce((a, b) => a + b, 0) / sizes.length / 1024, peakRssMb: maxRSS / 1024 }));
