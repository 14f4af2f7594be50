// Instructions are Markdown from the pack: rendered with marked, then sanitised with DOMPurify.
import DOMPurify from 'dompurify';
import { marked } from 'marked';

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/**
 * Pack Markdown is an author's, shown inside our page: no forms or controls (a fake sign-in form would
 * post wherever its author likes) and no inline styles (a fixed, full-page element could overlay the
 * editor or the buttons).
 */
export const SANITIZE = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['form', 'input', 'button', 'textarea', 'select', 'option', 'style', 'dialog'],
  FORBID_ATTR: ['style', 'formaction', 'form'],
};

export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true });
  return DOMPurify.sanitize(html, SANITIZE);
}
