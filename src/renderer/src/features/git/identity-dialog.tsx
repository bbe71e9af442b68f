import { useState } from 'react';
import { useFolioStore } from '../../store';
import type { IdentityPurpose } from '../../store/git-slice';

/**
 * Asks for the name and email git records with each commit, when none is configured (threats
 * row 30). They are stored in this repository's own config, not the computer-wide one.
 */
export function IdentityDialog() {
  const prompt = useFolioStore((s) => s.identityPrompt);
  return prompt ? <IdentityForm name={prompt.current.name ?? ''} email={prompt.current.email ?? ''} purpose={prompt.purpose} /> : null;
}

function IdentityForm(props: { readonly name: string; readonly email: string; readonly purpose: IdentityPurpose }) {
  const submit = useFolioStore((s) => s.submitIdentity);
  const cancel = useFolioStore((s) => s.cancelIdentity);
  const problem = useFolioStore((s) => (s.gitProblem?.during === 'identity' ? s.gitProblem.message : null));
  const [name, setName] = useState(props.name);
  const [email, setEmail] = useState(props.email);
  const valid = name.trim() !== '' && /^[^\s@<>]+@[^\s@<>]+$/.test(email.trim());
  return (
    <div className="git-modal-backdrop" role="presentation" onKeyDown={(e) => e.key === 'Escape' && cancel()}>
      <form className="git-dialog" role="dialog" aria-modal="true" aria-label="Your name for commits" onSubmit={(event) => {
          event.preventDefault();
          void submit({ name: name.trim(), email: email.trim() });
        }}>
        <h3>Who is making these changes?</h3>
        <p>Git records a name and an email with every commit. They are saved for this folder only.</p>
        <label>
          Name
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus autoComplete="name" />
        </label>
        <label>
          Email
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" />
        </label>
        {problem && <p className="error" role="alert">{problem}</p>}
        <div className="git-dialog-actions">
          <button type="button" onClick={cancel}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!valid}>
            {props.purpose === 'commit' ? 'Save and commit' : props.purpose === 'init' ? 'Save and start tracking' : 'Save'}
          </button>
        </div>
      </form>
    </div>
  );
}
