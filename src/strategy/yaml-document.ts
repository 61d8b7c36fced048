/**
 * `parseDocument`, with the nesting limit checked on each token on the way in: the text is lexed once,
 * and a document too deep is refused before the composer (which recurses) ever receives it.
 */
import { Composer, Lexer, Parser, YAMLParseError, type CST, type Document } from "yaml";
import { depthTracker, type LimitViolation } from "./limits.js";

export type Composed = { doc: Document.Parsed; violation?: undefined } | { doc?: undefined; violation: LimitViolation };

class TooDeep extends Error {
  constructor(readonly violation: LimitViolation) {
    super(violation.message);
  }
}

export function composeDocument(text: string): Composed {
  const composer = new Composer({ prettyErrors: false, uniqueKeys: false });
  let doc: Document.Parsed | undefined;
  try {
    for (const next of composer.compose(tokens(text), true, text.length)) {
      if (!doc) doc = next;
      else {
        const message = "Source contains multiple documents";
        doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], "MULTIPLE_DOCS", message));
        break;
      }
    }
  } catch (e) {
    if (e instanceof TooDeep) return { violation: e.violation };
    throw e;
  }
  // compose(…, forceDoc = true) always yields a document, if only an empty one.
  return { doc: doc as Document.Parsed };
}

function* tokens(text: string): Generator<CST.Token> {
  const parser = new Parser();
  const check = depthTracker();
  for (const lexeme of new Lexer().lex(text)) {
    const violation = check(lexeme);
    if (violation) throw new TooDeep(violation);
    yield* parser.next(lexeme);
  }
  yield* parser.end();
}
