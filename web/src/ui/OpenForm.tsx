// A one-field form that opens a page for what is typed (a period, a year): edits stay local until submitted.
import { useState } from 'react';
import { TextField } from './Field.tsx';

export function OpenForm({ id, label, initial, submitLabel, onOpen }: { id: string; label: string; initial: string; submitLabel: string; onOpen: (value: string) => void }) {
  const [input, setInput] = useState(initial);
  return (
    <form
      className="filters card"
      onSubmit={(e) => {
        e.preventDefault();
        onOpen(input);
      }}
    >
      <TextField id={id} label={label} value={input} onChange={(e) => setInput(e.target.value)} />
      <div className="form-actions">
        <button type="submit" className="button button--secondary">
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
