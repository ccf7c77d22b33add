// /data/<table>.parquet (and the warehouse's JSON documents): the warehouse's files copied into the
// site at build time, so analysts download exactly what the pages were made from. A published build
// leaves them out unless asked (site/lib/publishing.ts).
import { offersDataFiles } from '../../lib/publishing.ts';
import { warehouseFileBytes, warehouseFiles } from '../../lib/warehouse/metadata.ts';

export function getStaticPaths() {
  return offersDataFiles() ? warehouseFiles().map((f) => ({ params: { file: f.name } })) : [];
}

export function GET({ params }: { params: { file?: string } }): Response {
  return new Response(warehouseFileBytes(params.file ?? ''));
}
