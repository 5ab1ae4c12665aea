/**
 * The highlight colours must be in the document's own style sheets (`::highlight()` does not cross
 * shadow boundaries). A constructed sheet in `adoptedStyleSheets` adds no DOM node; where the
 * content-script world cannot adopt a sheet (Firefox's Xray wrappers), a <style> in our own
 * <fzl-root> host does the same, and goes with it.
 */
export function installPageStyles(doc: Document, css: string, fallbackParent: () => Element): () => void {
  try {
    const Sheet = doc.defaultView!.CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    fallbackParent().append(style);
    return () => style.remove();
  }
}
