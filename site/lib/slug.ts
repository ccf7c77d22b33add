// Client ids become URL path segments. Ids of letters, digits, '-' and '_' stay as they are; any
// other id gets a readable cleaned form plus a short hash of the original, so two ids never share
// a page and the same id always gets the same URL.
export function clientSlug(id: string): string {
  if (/^[A-Za-z0-9_-]{1,80}$/.test(id)) return id;
  const cleaned = id.normalize('NFKD').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'client';
  return `${cleaned}-${fnv1a(id)}`;
}

function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
