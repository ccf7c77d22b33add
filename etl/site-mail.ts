// The daily digests made for mail (site/lib/digest.ts), copied out of the built site into a folder
// of their own before anything is encrypted. Inside the site they are pages like the others: on an
// encrypted build each becomes an unlock form, and mailing that sends a form, not a worklist. The
// mail folder is never part of what is published, so the clear copy stays on the build machine.
import { cpSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** The folder of the built site that holds the digests, one `<rep>.html` and `<rep>.csv` per rep. */
export const digestFolder = 'digest';

/** Where the mailable digests go: ENCOURS_MAIL_OUT, else `<site folder>-mail` beside the site. */
export function mailFolder(siteDir: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.ENCOURS_MAIL_OUT ?? `${siteDir.replace(/[/\\]+$/, '')}-mail`;
}

/**
 * Copies `siteDir/digest/` to `mailDir`, replacing the last build's digests at once (a rep who left
 * the worklist has no digest left over). Returns how many files were copied; 0 with no digests.
 */
export function copyDigests(siteDir: string, mailDir: string): number {
  const from = join(siteDir, digestFolder);
  if (!existsSync(from)) return 0;
  const next = `${mailDir}.new-${process.pid}`;
  rmSync(next, { recursive: true, force: true });
  cpSync(from, next, { recursive: true });
  rmSync(mailDir, { recursive: true, force: true });
  renameSync(next, mailDir);
  return readdirSync(mailDir).length;
}
