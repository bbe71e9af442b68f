/** A unified diff with added and removed lines marked (headers and hunk lines dimmed). */
export function DiffView({ diff }: { diff: string }) {
  const lines = diff.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return (
    <pre className="bulk-diff">
      {lines.map((line, i) => {
        const kind = line.startsWith('+++') || line.startsWith('---') || line.startsWith('@@') ? 'meta' : line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : 'ctx';
        return (
          <span key={i} className={`bulk-diff-${kind}`}>
            {line}
            {'\n'}
          </span>
        );
      })}
    </pre>
  );
}
