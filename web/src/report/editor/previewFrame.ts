// The preview page is our server's report HTML, shown in a frame that runs no script. A srcdoc frame
// keeps the app's Content Security Policy, which refuses inline styling (the report's <style> and
// its charts' style attributes: about two thousand refusals per preview). So the styling is taken
// out of the markup and applied from here through the CSSOM, which that policy allows.

const STYLE_ATTR = 'data-preview-style';

/**
 * The page without inline styling, and the stylesheet text. Done on the text, not through a DOM
 * parser, whose parsing the app's policy would also refuse: the server escapes quotes in text and
 * attribute values, so ` style="` only ever opens a style attribute.
 */
export function splitStyles(html: string): { markup: string; css: string } {
  const css: string[] = [];
  const markup = html
    .replace(/<style\b[^>]*>([\s\S]*?)<\/style>/g, (_, text: string) => {
      // The charts' own (hover) styles come wrapped as XML character data.
      css.push(text.replace(/<!\[CDATA\[|\]\]>/g, ''));
      return '';
    })
    .replace(/\sstyle="/g, ` ${STYLE_ATTR}="`);
  return { markup, css: css.join('\n') };
}

/** Applies the styling split off by `splitStyles` to the frame's loaded document. */
export function applyStyles(frame: HTMLIFrameElement, css: string) {
  const doc = frame.contentDocument;
  const view = doc?.defaultView;
  if (!doc || !view) return;
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(css);
  doc.adoptedStyleSheets = [sheet];
  for (const el of doc.querySelectorAll<HTMLElement | SVGElement>(`[${STYLE_ATTR}]`)) el.style.cssText = el.getAttribute(STYLE_ATTR) ?? '';
}
