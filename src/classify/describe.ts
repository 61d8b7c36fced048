import { inert } from "../render/inert.js";
import type { Reason } from "./types.js";

/** A short phrase for one reason, safe to put in Markdown (user text is made inert). */
export function describeReason(r: Reason): string {
  const text = inert(r.detail, 120);
  switch (r.source) {
    case "command":
      return "/strategy command";
    case "serves":
      return "Serves: line in the description";
    case "label":
      return `label "${text}" applied by a person`;
    case "linked":
      return `closes ${text}`;
    case "labels":
      return `label "${text}"`;
    case "keywords":
      return `keyword "${text}" in the ${r.where === "body" ? "description" : "title"}`;
    case "patterns":
      return `title matches "${text}"`;
    case "paths":
      return `path ${text}`;
    case "branches":
      return `branch ${text}`;
    case "milestones":
      return `milestone "${text}"`;
    case "authors":
      return `author ${text}`;
  }
}
