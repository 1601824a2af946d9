/** Focus went down with the screen that held it (or the page just loaded): the new screen may place it. */
export function focusWasLost(doc: Document = document): boolean {
  return doc.activeElement === null || doc.activeElement === doc.body;
}
