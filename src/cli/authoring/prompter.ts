/**
 * What the authoring flows need from a terminal. The commands pass the @inquirer/prompts implementation
 * (inquirer-prompter.ts); tests pass scripted answers, so every flow is tested without a terminal.
 */
export interface Choice {
  value: string;
  /** Shown instead of the value. */
  name?: string;
  description?: string;
}

export interface TextQuestion {
  message: string;
  default?: string;
  /** true accepts; a string refuses with that message and the question is asked again. */
  validate(raw: string): true | string | Promise<true | string>;
}

export interface SelectQuestion {
  message: string;
  choices: readonly Choice[];
  default?: string;
}

export interface CheckboxQuestion {
  message: string;
  choices: ReadonlyArray<Choice & { checked: boolean }>;
}

export interface ConfirmQuestion {
  message: string;
  default: boolean;
}

export interface Prompter {
  text(q: TextQuestion): Promise<string>;
  select(q: SelectQuestion): Promise<string>;
  checkbox(q: CheckboxQuestion): Promise<string[]>;
  confirm(q: ConfirmQuestion): Promise<boolean>;
  /** A refusal of a choice (select, checkbox, confirm have no inline validation): shown before asking again. */
  warn(message: string): void;
}
