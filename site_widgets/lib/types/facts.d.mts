// The types of site_widgets/facts.mjs, which the build writes from sccif_core.page_facts.

/** [value, words] */
export type Pair = [string, string];

/** One input of a timeline kind (sccif_core.timelines.fields.Field.describe). */
export interface TimelineField {
  name: string;
  label: string;
  type: "date" | "dates" | "visits" | "periods" | "choice";
  required: boolean;
  hint: string;
  choices: Pair[];
}

export interface TimelineKind {
  key: string;
  option: string;
  group: string;
  fields: TimelineField[];
}

export interface JudgementFacts {
  grades: Pair[];
  not_judged: Pair;
  /** [key, title, may be not judged] */
  judgements: [string, string, boolean][];
  /** [key, words, the condition it depends on] */
  conditions: [string, string, string | null][];
}

export const FACTS: {
  version: string;
  judgements: JudgementFacts;
  timeline: { groups: [string, string[]][]; kinds: Record<string, TimelineKind> };
};
