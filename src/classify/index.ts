/** Which problems an issue or pull request serves, why, and which labels follow from it. Pure: no I/O. */
export type * from "./types.js";
export { classify } from "./classify.js";
export { parseServes } from "./serves.js";
export { parseCommand, COMMAND_USAGE, type Command } from "./command.js";
export { validateIds, likelyId } from "./ids.js";
export { strategyLabels, personProblemIds, reconcileLabels, labelsInStep, type LabelEvent } from "./labels.js";
export {
  optionFor,
  wantedOptions,
  optionsKey,
  optionsUpdate,
  valueStep,
  optionColor,
  type OptionSpec,
  type ExistingOption,
  type CurrentValue,
} from "./project-field.js";
export {
  judge,
  judgeMerged,
  commandOf,
  commandAuthors,
  problemsOfLabels,
  carriesAnswer,
  type ItemComment,
  type Judgement,
  type Choice,
} from "./judge.js";
