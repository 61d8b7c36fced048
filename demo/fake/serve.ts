/**
 * Puts the fake GitHub behind api.github.com with nock, the network switched off: every request the app
 * makes is answered from the sample repository, and nothing leaves the machine.
 */
import nock from "nock";
import { answerRest } from "./rest.js";
import type { FakeGitHub } from "./state.js";

const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"];

/** Serves `gh` until the returned function is called. */
export function serve(gh: FakeGitHub): () => void {
  nock.disableNetConnect();
  const scope = nock("https://api.github.com").persist();
  for (const method of METHODS) {
    scope.intercept(() => true, method).reply(function (uri, body) {
      const parsed = typeof body === "string" && body !== "" ? JSON.parse(body) : body;
      const headers = Object.fromEntries(Object.entries(this.req.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      const [status, answer = "", answerHeaders = {}] = answerRest(gh, method, uri, parsed, headers);
      return [status, answer as nock.ReplyBody, answerHeaders];
    });
  }
  return () => {
    nock.cleanAll();
    nock.enableNetConnect();
  };
}
