/**
 * The sanitiser's configuration for chat lines (E2), kept apart from the component so it is
 * unit-tested on its own: which URLs a link may keep, and raw HTML turned back into text.
 */

/** A link's href survives only as an absolute http(s) URL; anything else is dropped. */
export function safeHref(url: string): string {
  if (!URL.canParse(url)) return '';
  const { protocol } = new URL(url);
  return protocol === 'https:' || protocol === 'http:' ? url : '';
}

interface MarkdownNode {
  type: string;
  value?: string;
  children?: MarkdownNode[];
}

/**
 * A remark step: every raw HTML node (`<img src=x onerror=...>`, `<script>`) becomes a plain
 * text node with the same characters, so the agent sees what the customer typed and no element
 * is ever made from it.
 */
export function htmlAsText() {
  return (tree: MarkdownNode): void => {
    const walk = (node: MarkdownNode): void => {
      if (node.type === 'html') node.type = 'text';
      node.children?.forEach(walk);
    };
    walk(tree);
  };
}
