// Client ids become URL path segments and folder names. ERP ids hold anything ('X&1', 'DUPONT/02',
// 'Société 7'), so the slug is a reversible escape: letters, digits and '-' stay as they are, and
// every other UTF-8 byte becomes '_' + two lowercase hex digits ('_' itself is '_5f').
//   'C00172' → 'C00172', 'X&1' → 'X_261', 'A/B' → 'A_2fB', 'é' → '_c3_a9', '..' → '_2e_2e'
// The same id always gets the same URL, two ids never share one, and clientIdFromSlug() undoes it.
// The result never needs percent-encoding and never contains '.', '/' or '%'. Only an id whose slug
// would pass 200 characters (a file name limit is 255 bytes) keeps its first 150 characters plus a
// '~' and a hash: still stable and distinct, but no longer reversible.
// On a case-insensitive disk (macOS, Windows) 'c1' and 'C1' would share a folder; builds run on Linux.
const keep = /^[A-Za-z0-9-]$/;
const maxLength = 200;
const utf8 = new TextEncoder();

export function clientSlug(id: string): string {
  let slug = '';
  for (const char of id) {
    if (keep.test(char)) slug += char;
    else for (const byte of utf8.encode(char)) slug += `_${byte.toString(16).padStart(2, '0')}`;
  }
  if (slug.length === 0) return '_';
  return slug.length <= maxLength ? slug : `${slug.slice(0, 150).replace(/_[0-9a-f]?$/, '')}~${fnv1a(id)}`;
}

/** The id a slug was made from, or null for the hashed form of a very long id or a malformed slug. */
export function clientIdFromSlug(slug: string): string | null {
  if (slug === '_') return '';
  if (!/^(?:[A-Za-z0-9-]|_[0-9a-f]{2})+$/.test(slug)) return null;
  const bytes: number[] = [];
  for (let i = 0; i < slug.length; i++) {
    if (slug[i] === '_') {
      bytes.push(Number.parseInt(slug.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(slug.charCodeAt(i));
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return null;
  }
}

/** 32-bit FNV-1a of the id's UTF-8 bytes, in base 36: short, stable across runs and machines. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of utf8.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
