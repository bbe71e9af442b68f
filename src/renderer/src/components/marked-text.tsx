/** Renders `text` with the UTF-16 offsets in `positions` marked (a fuzzy match), as runs. */
export function MarkedText({ text, positions }: { text: string; positions: readonly number[] }) {
  const marked = new Set(positions);
  const runs: { text: string; mark: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const mark = marked.has(i);
    const last = runs.at(-1);
    if (last?.mark === mark) last.text += text.charAt(i);
    else runs.push({ text: text.charAt(i), mark });
  }
  return <>{runs.map((run, i) => (run.mark ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>))}</>;
}
