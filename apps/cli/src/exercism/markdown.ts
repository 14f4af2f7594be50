// Exercism's `.docs/` Markdown turned into a Questline README and hint list.

/** One heading level down, so the README's only top-level heading is the exercise title. */
function demoteHeadings(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      return !fenced && /^#{1,5}\s/.test(line) ? `#${line}` : line;
    })
    .join('\n');
}

/** `# Title`, then the introduction (if any), the instructions and their track-specific append. */
export function buildReadme(title: string, parts: { introduction?: string; instructions: string; append?: string }): string {
  const sections = [parts.introduction, parts.instructions, parts.append]
    .filter((part): part is string => part !== undefined && part.trim() !== '')
    .map((part) => demoteHeadings(part.trim()));
  return `# ${title}\n\n${sections.join('\n\n')}\n`;
}

/**
 * Hints are the bullet points of `.docs/hints.md`, in order (Exercism groups them under
 * `## General` and one `## N. Task` heading per task; the headings become a prefix).
 * Continuation lines of a bullet are joined to it.
 */
export function parseHints(markdown: string): string[] {
  const hints: string[] = [];
  let section = '';
  let current: string | undefined;
  const flush = () => {
    if (current !== undefined && current.trim() !== '') hints.push(section ? `${section}: ${current.trim()}` : current.trim());
    current = undefined;
  };
  for (const line of markdown.split('\n')) {
    const heading = /^#{2,6}\s+(.*)$/.exec(line);
    const bullet = /^[-*+]\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      const name = heading[1].trim();
      section = /^general$/i.test(name) ? '' : name.replace(/^\d+\.\s*/, '');
    } else if (bullet) {
      flush();
      current = bullet[1];
    } else if (current !== undefined && /^\s+\S/.test(line)) {
      current += ` ${line.trim()}`;
    } else if (line.trim() === '' || /^#\s/.test(line)) {
      flush();
    }
  }
  flush();
  return hints;
}

/** `two-fer` -> `Two Fer` when the track config has no name. */
export function titleFromSlug(slug: string): string {
  return slug
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
