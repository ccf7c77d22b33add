// Client ids as URL path segments: safe, stable, distinct and reversible.
import { describe, expect, it } from 'vitest';

import { clientIdFromSlug, clientSlug } from '../../site/lib/slug.ts';

describe('clientSlug', () => {
  it('keeps ids of letters, digits and dashes as they are', () => {
    expect(clientSlug('C00172')).toBe('C00172');
    expect(clientSlug('411-DUPONT')).toBe('411-DUPONT');
  });

  it('escapes every other byte as _ and two hex digits (& is 0x26, / 0x2f, é is C3 A9 in UTF-8)', () => {
    expect(clientSlug('X&1')).toBe('X_261');
    expect(clientSlug('D&F/2')).toBe('D_26F_2f2');
    expect(clientSlug('é')).toBe('_c3_a9');
    expect(clientSlug('a_b')).toBe('a_5fb');
    expect(clientSlug('..')).toBe('_2e_2e');
    expect(clientSlug('a b%3F')).toBe('a_20b_253F');
  });

  it('never gives two ids the same slug, even ids that look like escapes', () => {
    const ids = ['a_20b', 'a b', 'a_5f20b', 'A', 'a', '', '_', '-', 'X&1', 'X_261'];
    expect(new Set(ids.map(clientSlug)).size).toBe(ids.length);
  });

  it('only ever uses characters that need no percent-encoding in a URL path', () => {
    for (const id of ['<img src=x onerror=alert(1)>', '../../etc/passwd', 'a?b#c', 'Société Générale', '日本', '\u0000']) {
      expect(clientSlug(id)).toMatch(/^[A-Za-z0-9_-]+$/);
    }
  });

  it('is undone by clientIdFromSlug', () => {
    for (const id of ['C00172', 'X&1', 'D&F/2', 'a_b', 'Société Générale', '日本', '', '<img src=x onerror=alert(1)>']) {
      expect(clientIdFromSlug(clientSlug(id))).toBe(id);
    }
  });

  it('shortens an id whose slug would pass 200 characters, with a hash so it stays distinct', () => {
    const long = 'é'.repeat(100);
    const slug = clientSlug(long);
    expect(slug.length).toBeLessThanOrEqual(200);
    expect(slug).toMatch(/^(_c3_a9)+~[0-9a-z]+$/);
    expect(clientSlug(`${long}x`)).not.toBe(slug);
    expect(clientIdFromSlug(slug)).toBeNull();
  });
});

describe('clientIdFromSlug', () => {
  it('rejects what clientSlug never writes', () => {
    expect(clientIdFromSlug('a_2')).toBeNull();
    expect(clientIdFromSlug('a b')).toBeNull();
    expect(clientIdFromSlug('_ff')).toBeNull();
  });
});
