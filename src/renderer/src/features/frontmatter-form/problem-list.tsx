import type { FormProblem } from './form-context';

/** The problems of one field, under it; the input points at this list with aria-describedby. */
export function ProblemList({ id, problems }: { readonly id?: string; readonly problems: readonly FormProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="ff-problems">
      {problems.map((p, i) => (
        <li key={i} className={`ff-problem ff-problem-${p.severity}`}>
          <span className="ff-problem-severity">{p.severity}</span> {p.message}
        </li>
      ))}
    </ul>
  );
}
