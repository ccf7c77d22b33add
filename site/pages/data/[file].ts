// /data/<table>.parquet (and the warehouse's JSON documents): the warehouse's files copied into the
// site at build time, so analysts download exactly what the pages were made from.
import { warehouseFileBytes, warehouseFiles } from '../../lib/warehouse.ts';

export function getStaticPaths() {
  return warehouseFiles().map((f) => ({ params: { file: f.name } }));
}

export function GET({ params }: { params: { file?: string } }): Response {
  return new Response(warehouseFileBytes(params.file ?? ''));
}
