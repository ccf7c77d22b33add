// The print button of letters and statements: the browser's print dialog, where "Save as PDF"
// is one of the printers. A same-origin script, as the Content Security Policy requires.
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-print]')) {
  button.hidden = false;
  button.addEventListener('click', () => window.print());
}
