/**
 * Where a repository's strategy file is, and its text, with as few requests as possible:
 * a known file is re-read with a conditional request (a 304 costs no rate limit); a repository is
 * searched for one only when nothing is known, with one GraphQL query covering every place it may be.
 */
import { type GitHub, statusOf } from "./octokit.js";

/** Where a repository's own strategy file may be, the usual place first. */
export const LOCAL_PATHS: readonly [string, ...string[]] = [
  "strategy.yml",
  "strategy.yaml",
  ".github/strategy.yml",
  ".github/strategy.yaml",
];

export interface RepoFile {
  owner: string;
  repo: string;
  path: string;
  text: string;
  /** The blob's sha: the same text has the same sha. */
  sha: string;
  etag?: string;
}

/** Re-read a known file; 304 keeps it. Returns null when the file is gone. */
export async function refreshSource(octokit: GitHub, source: RepoFile): Promise<RepoFile | null> {
  try {
    const headers = source.etag ? { "if-none-match": source.etag } : {};
    const res = await octokit.rest.repos.getContent({
      owner: source.owner,
      repo: source.repo,
      path: source.path,
      headers,
    });
    return fromContent(source.owner, source.repo, res.data, res.headers.etag);
  } catch (error) {
    if (statusOf(error) === 304) return source;
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

/** Read one path on the default branch (or at `ref`), or null when it is not there. */
export async function readSource(
  octokit: GitHub,
  owner: string,
  repo: string,
  path: string,
  ref?: string,
): Promise<RepoFile | null> {
  try {
    const res = await octokit.rest.repos.getContent({ owner, repo, path, ...(ref ? { ref } : {}) });
    return fromContent(owner, repo, res.data, res.headers.etag);
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw error;
  }
}

function fromContent(owner: string, repo: string, data: unknown, etag: string | undefined): RepoFile | null {
  const file = data as {
    type?: string;
    path?: string;
    sha?: string;
    content?: string;
    encoding?: string;
    size?: number;
  };
  if (file.type !== "file" || !file.path || !file.sha) return null;
  // Files over 1 MB come without content; the parser refuses anything over 256 KiB with a clear error anyway.
  const text =
    file.encoding === "base64" && file.content
      ? Buffer.from(file.content, "base64").toString("utf8")
      : oversized(file.size);
  return { owner, repo, path: file.path, text, sha: file.sha, etag };
}

/** A stand-in text of the file's size, so the size limit reports it without downloading it. */
function oversized(size: number | undefined): string {
  return " ".repeat(Math.min(size ?? 0, 300 * 1024));
}
