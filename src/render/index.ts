/** Everything the app writes as Markdown: pure functions from decisions and figures to text. */
export { PROGRESS_MARKER, REPORT_MARKER, hasMarker } from "./markers.js";
export { BODY_LIMIT } from "./limits.js";
export { renderComment, commentContent, type CommentInput, type InvalidCommentInput } from "./comment.js";
export type { InvalidStrategy } from "./invalid.js";
export { renderAlignmentCheck, type CheckOutput, type Conclusion } from "./alignment-check.js";
export {
  renderStrategyFileCheck,
  type Annotation,
  type StrategyErrorLike,
  type StrategyFileCheck,
  type StrategyFileInput,
  type ProjectStatus,
} from "./strategy-file-check.js";
export { renderReport, reportTitle } from "./report.js";
export { renderExplainReply, renderCommandHelp, type CommandRejection } from "./commands.js";
export { reasonPhrase } from "./reasons.js";
export { mermaidLabel } from "./mermaid.js";
