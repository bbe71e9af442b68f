import type { MarkdownIt, StateCore, Token } from 'markdown-it';

const MARKER = /^\[([ xX])\](?=[ \t]|$)[ \t]*/;

function checkboxHtml(checked: boolean): string {
  // A span, not an <input>: the preview sanitiser forbids form controls, and the preview is
  // read-only anyway.
  return checked
    ? '<span class="task-checkbox" data-checked="true" role="img" aria-label="Done">\u2611</span> '
    : '<span class="task-checkbox" data-checked="false" role="img" aria-label="Not done">\u2610</span> ';
}

function taskListRule(state: StateCore): void {
  const { tokens } = state;
  const lists: Token[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i] as Token;
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') lists.push(token);
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') lists.pop();
    if (token.type !== 'list_item_open') continue;
    // GFM: the marker must start the item's first paragraph.
    const paragraph = tokens[i + 1];
    const inline = tokens[i + 2];
    if (paragraph?.type !== 'paragraph_open' || inline?.type !== 'inline') continue;
    const first = inline.children?.[0];
    if (first?.type !== 'text') continue;
    const match = MARKER.exec(first.content);
    if (!match) continue;
    first.content = first.content.slice(match[0].length);
    inline.content = inline.content.replace(MARKER, '');
    const box = new state.Token('html_inline', '', 0);
    box.content = checkboxHtml(match[1] !== ' ');
    inline.children?.unshift(box);
    token.attrJoin('class', 'task-list-item');
    const list = lists[lists.length - 1];
    if (list && list.attrGet('class') === null) list.attrSet('class', 'contains-task-list');
  }
}

/** markdown-it plugin: GFM task list items (`- [ ] todo`, `- [x] done`) with read-only boxes. */
export function taskListPlugin(md: MarkdownIt): void {
  md.core.ruler.push('task_list', taskListRule);
}
