/** Everything the app writes as Markdown: pure functions from decisions and figures to text. */
export { PROGRESS_MARKER, REPORT_MARKER, hasMarker } from "./markers.js";
export { renderComment, type CommentInput } from "./comment.js";
export { renderAlignmentCheck } from "./alignment-check.js";
export { renderStrategyFileCheck, type StrategyErrorLike, type ProjectStatus } from "./strategy-file-check.js";
export { renderReport } from "./report.js";
export { renderExplainReply, renderCommandHelp, type CommandRejection } from "./commands.js";
