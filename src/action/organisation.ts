/**
 * The GitHub Action runs with the workflow's token, which reads only its own repository: in the owner's
 * `.github` repository it cannot make the organisation report (spec section 10). There the report covers
 * that repository's own work and says so at its top, and the run says it too, pointing to the App or the
 * CLI with a token that can read the organisation's repositories.
 */
import type { PublishParams } from "../handlers/report.js";
import { ORG_REPO } from "../strategy/scope.js";

export const ACTION_ORG_NOTE =
  "This report covers the .github repository's own pull requests only: it was made by the GitHub Action, whose workflow token cannot read the organisation's other repositories. " +
  "The organisation report is made by the Throughline App, or by `throughline report --org OWNER --post` with a token that can read them.";

/** What to add to a report's parameters in Action mode: in `.github`, no organisation scope, and the note. */
export function actionScope(repo: string): Pick<PublishParams, "organisation" | "notice"> {
  return repo.toLowerCase() === ORG_REPO ? { organisation: false, notice: ACTION_ORG_NOTE } : {};
}
