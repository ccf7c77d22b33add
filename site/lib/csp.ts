// The site's Content Security Policy, one string for every page (layouts/Head.astro), every digest
// (lib/digest.ts) and the encrypted build's unlock shells (etl/site-encrypt.ts), which keep the
// policy of the page they wrap: nothing from elsewhere, scripts from this site only, and inline
// styles because Plot's SVG carries a <style> and a digest is styled inline (what mail shows).
export const contentSecurityPolicy =
  "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
