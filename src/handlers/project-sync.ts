/**
 * The Project field of one item (docs/contract.md §12), the same for webhooks and `backfill`: one read (the
 * item on the Project with its value, and the field unless known), then at most one write (the value).
 * The field is created, or its options brought in step, once per strategy version; its id and options
 * are then cached. Nothing here throws: without permission or a Project the item is left as it is and
 * the `Strategy file` check is where it is said.
 */
import { optionFor, optionsKey, optionsUpdate, valueStep, wantedOptions, type Decision } from "../classify/index.js";
import type { GitHub, RepoRef } from "../github/octokit.js";
import {
  createProjectField,
  isForbidden,
  projectLocation,
  readProjectField,
  readProjectItem,
  setProjectValue,
  updateProjectFieldOptions,
  type ProjectField,
  type ProjectState,
} from "../github/project-field.js";
import type { ProjectStatus } from "../render/index.js";
import type { Strategy } from "../strategy/schema.js";

/** How long an unreachable Project is left alone before the app tries again (a permission may be granted). */
export const UNREACHABLE_RETRY_MS = 10 * 60 * 1000;
/** Entries kept at most: one per Project, field and set of options in use. */
const CACHE_LIMIT = 500;

interface Ready {
  ok: true;
  projectId: string;
  fieldId: string;
  /** Option name → option id. */
  options: Map<string, string>;
}
type Prepared = Ready | { ok: false; reason: string };

/** The field's id and options per Project, field name and strategy version; part of the app's state. */
export type ProjectCache = Map<string, { at: number; prepared: Promise<Prepared> }>;

export function createProjectCache(): ProjectCache {
  return new Map();
}

export type ProjectOutcome =
  | { status: "off" }
  | { status: "unreachable"; reason: string }
  | { status: "not-on-project" }
  | { status: "kept"; value: string | null; why: "in-step" | "person" | "no-option" }
  | { status: "set"; value: string; from: string | null; written: boolean }
  | { status: "failed"; reason: string };

export interface ProjectSyncInput {
  repo: RepoRef;
  number: number;
  strategy: Strategy;
  decision: Pick<Decision, "problems">;
  /** The app's login: a value it set is its own to change; anyone else's stays. */
  login: string;
  cache: ProjectCache;
  /** False for a dry run: nothing is created or written, the outcome says what would be. */
  write?: boolean;
  now?: number;
}

export async function syncProjectField(octokit: GitHub, input: ProjectSyncInput): Promise<ProjectOutcome> {
  const settings = input.strategy.settings.project;
  if (!settings) return { status: "off" };
  try {
    return await sync(octokit, input, settings);
  } catch (error) {
    return { status: "failed", reason: error instanceof Error ? error.message : String(error) };
  }
}

async function sync(
  octokit: GitHub,
  input: ProjectSyncInput,
  settings: NonNullable<Strategy["settings"]["project"]>,
): Promise<ProjectOutcome> {
  const { cache, strategy } = input;
  const write = input.write ?? true;
  const now = input.now ?? Date.now();
  const location = projectLocation(settings.url);
  if (!location) return { status: "unreachable", reason: `${settings.url} is not a Project's address` };
  const key = cacheKey(strategy, write);
  let cached = cache.get(key);
  if (cached && now - cached.at >= UNREACHABLE_RETRY_MS && !(await cached.prepared).ok) {
    cache.delete(key);
    cached = undefined;
  }
  if (cached) {
    const prepared = await cached.prepared;
    if (!prepared.ok) return { status: "unreachable", reason: prepared.reason };
  }
  // 1. The one read: the item on its Projects and, unless known, the Project, the field and its options.
  const read = await readProjectItem(octokit, {
    ...input.repo,
    number: input.number,
    project: location,
    field: settings.field,
    withProject: !cached,
  });
  if (read.forbidden !== undefined && !cached) {
    remember(cache, key, now, Promise.resolve({ ok: false, reason: forbiddenReason(read.forbidden) }));
    return { status: "unreachable", reason: forbiddenReason(read.forbidden) };
  }
  // Another event may have begun preparing the field while this one read: it is prepared once.
  cached ??= cache.get(key);
  if (!cached) {
    cached = remember(cache, key, now, prepare(octokit, read.project!, settings.field, strategy, write));
  }
  const ready = await cached.prepared;
  if (!ready.ok) return { status: "unreachable", reason: ready.reason };
  // 2. Decide: the item's place on this Project, the value it has, the one it should have.
  const item = read.items.find((i) => i.projectId === ready.projectId);
  if (!item) return { status: "not-on-project" };
  const wanted = optionFor(strategy, input.decision);
  const step = valueStep(item.value, wanted, ready.options, input.login);
  if (!step.write) return { status: "kept", value: item.value?.name ?? null, why: step.why };
  // 3. The one write.
  if (write) {
    try {
      await setProjectValue(octokit, {
        projectId: ready.projectId,
        itemId: item.id,
        fieldId: ready.fieldId,
        optionId: step.optionId,
      });
    } catch (error) {
      // The field or an option may have been deleted by hand: read it afresh next time.
      cache.delete(key);
      if (isForbidden(error)) {
        remember(cache, key, now, Promise.resolve({ ok: false, reason: forbiddenReason(messageOf(error)) }));
        return { status: "unreachable", reason: forbiddenReason(messageOf(error)) };
      }
      throw error;
    }
  }
  return { status: "set", value: step.name, from: item.value?.name ?? null, written: write };
}

function cacheKey(strategy: Strategy, write: boolean): string {
  const settings = strategy.settings.project;
  return `${settings?.url}\u0000${settings?.field}\u0000${optionsKey(strategy)}\u0000${write ? "w" : "r"}`;
}

/** The node id of the strategy's Project, when the app has already found it for this strategy version. */
export async function knownProjectId(cache: ProjectCache, strategy: Strategy): Promise<string | undefined> {
  const prepared = await cache.get(cacheKey(strategy, true))?.prepared.catch(() => undefined);
  return prepared?.ok ? prepared.projectId : undefined;
}

/** Make the field ready for this strategy: create it, or bring its options in step, when needed. */
async function prepare(
  octokit: GitHub,
  project: ProjectState,
  name: string,
  strategy: Strategy,
  write: boolean,
): Promise<Prepared> {
  if (project.status !== "found") return { ok: false, reason: unreachableReason(project) };
  if (project.field === "not-single-select")
    return { ok: false, reason: `the Project's field "${name}" is not a single-select field` };
  if (write && !project.canUpdate) return { ok: false, reason: "the app can see the Project but may not change it" };
  const wanted = wantedOptions(strategy);
  let field: ProjectField;
  if (project.field === "missing") {
    field = write ? await guarded(() => createProjectField(octokit, project.id, name, wanted)) : planned(wanted);
  } else {
    const update = optionsUpdate(project.field.options, wanted);
    const existing = project.field;
    field = update
      ? write
        ? await guarded(() => updateProjectFieldOptions(octokit, existing.id, update))
        : { ...existing, ...planned(update) }
      : existing;
  }
  return {
    ok: true,
    projectId: project.id,
    fieldId: field.id,
    options: new Map(field.options.map((o) => [o.name, o.id])),
  };
}

/** A field as it would be in a dry run, its options named for ids. */
function planned(options: { name: string; color: string; description: string }[]): ProjectField {
  return {
    id: "(new field)",
    options: options.map((o) => ({
      ...o,
      id: `(new option ${o.name})`,
      color: o.color as ProjectField["options"][number]["color"],
    })),
  };
}

/** A write the app may not make is an unreachable Project, not a failure. */
async function guarded(write: () => Promise<ProjectField>): Promise<ProjectField> {
  try {
    return await write();
  } catch (error) {
    if (isForbidden(error)) throw Object.assign(new Error(forbiddenReason(messageOf(error))), { forbidden: true });
    throw error;
  }
}

/**
 * Keep what preparing found (a Project the app cannot use included); a refused write while preparing is
 * an unreachable Project too, and any other failure is forgotten so that the next event tries again.
 */
function remember(cache: ProjectCache, key: string, at: number, prepared: Promise<Prepared>) {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  const entry: { at: number; prepared: Promise<Prepared> } = {
    at,
    prepared: Promise.resolve({ ok: false, reason: "" }),
  };
  entry.prepared = prepared.catch((error: unknown): Prepared => {
    if ((error as { forbidden?: boolean }).forbidden) return { ok: false, reason: (error as Error).message };
    if (cache.get(key) === entry) cache.delete(key);
    throw error;
  });
  cache.set(key, entry);
  return entry;
}

export function unreachableReason(project: Exclude<ProjectState, { status: "found" }>): string {
  return project.status === "missing"
    ? "the Project does not exist or the app cannot see it"
    : forbiddenReason(project.message);
}

function forbiddenReason(message: string): string {
  return `the app may not use the Project (${message}); it needs the Projects permission of the Project's owner`;
}

function messageOf(error: unknown): string {
  const errors = (error as { errors?: { message?: string }[] } | null)?.errors;
  return errors?.[0]?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * What the `Strategy file` check says of `settings.project` (one read): whether the app can use the
 * Project, and what it will do with the field. Undefined without the setting; never throws.
 */
export async function projectStatus(octokit: GitHub, strategy: Strategy): Promise<ProjectStatus | undefined> {
  const settings = strategy.settings.project;
  if (!settings) return undefined;
  const base = { url: settings.url, field: settings.field };
  const location = projectLocation(settings.url);
  if (!location) return { ...base, state: "missing" };
  try {
    const project = await readProjectField(octokit, location, settings.field);
    if (project.status === "missing") return { ...base, state: "missing" };
    if (project.status === "forbidden") return { ...base, state: "forbidden", message: project.message };
    const title = project.title;
    if (project.field === "not-single-select") return { ...base, state: "not-single-select", title };
    if (!project.canUpdate) return { ...base, state: "read-only", title };
    if (project.field === "missing")
      return { ...base, state: "create", title, options: wantedOptions(strategy).length };
    return {
      ...base,
      state: optionsUpdate(project.field.options, wantedOptions(strategy)) ? "update" : "ready",
      title,
    };
  } catch (error) {
    return { ...base, state: "unknown", message: messageOf(error) };
  }
}
