/**
 * The sample repository as GitHub holds it while the demo runs: issues, pull requests, labels and who
 * applied them, comments, check runs and Discussions. The fake's REST and GraphQL answers read it and the
 * app's writes change it, so a later event sees what an earlier one wrote, as on github.com.
 */
import type { Searchable } from "./search.js";

export const APP = { id: 1, slug: "throughline", login: "throughline[bot]", name: "Throughline" };

export interface Comment {
  id: number;
  author: string;
  body: string;
  createdAt: string;
}

export interface LabelEvent {
  label: string;
  action: "added" | "removed";
  actor: string;
  at: string;
}

export interface Item extends Searchable {
  kind: "issue" | "pull_request";
  number: number;
  branch: string | null;
  headSha: string | null;
  files: string[];
  /** Issues a pull request closes when merged ("Closes #12"). */
  closes: number[];
  additions: number;
  deletions: number;
  comments: Comment[];
  events: LabelEvent[];
}

export interface Discussion extends Searchable {
  kind: "discussion";
  id: string;
  number: number;
  categoryId: string;
}

export interface CheckRun {
  id: number;
  name: string;
  headSha: string;
  conclusion: string;
  title: string;
  summary: string;
}

export interface Label {
  name: string;
  color: string;
  description: string | null;
}

export interface Milestone {
  title: string;
  dueOn: string | null;
}

export interface SampleRepository {
  owner: string;
  repo: string;
  defaultBranch: string;
  /** Files on the default branch, by path. */
  files: Record<string, string>;
  labels: Label[];
  milestones: Milestone[];
  items: Item[];
  /** Who may give `/strategy` commands, by login: their role. */
  roles: Record<string, string>;
}

export class FakeGitHub {
  readonly owner: string;
  readonly repo: string;
  readonly defaultBranch: string;
  readonly repositoryId = "R_demo";
  /** The last commit that changed the strategy file. */
  strategyCommit = "3b18e512dba79e4c8300dd08aeb37f8e728b8dad";
  readonly files: Map<string, string>;
  readonly labels = new Map<string, Label>();
  readonly items = new Map<number, Item>();
  readonly milestones: Milestone[];
  readonly roles: Record<string, string>;
  readonly categories = [
    { id: "DIC_announcements", name: "Announcements", slug: "announcements" },
    { id: "DIC_general", name: "General", slug: "general" },
    { id: "DIC_ideas", name: "Ideas", slug: "ideas" },
  ];
  readonly discussions: Discussion[] = [];
  readonly checkRuns: CheckRun[] = [];
  /** Requests the fake could not answer and GraphQL errors: the demo fails when there are any. */
  readonly problems: string[] = [];
  private lastId = 9000;
  private ticks = 0;

  constructor(sample: SampleRepository, private readonly now: Date) {
    this.owner = sample.owner;
    this.repo = sample.repo;
    this.defaultBranch = sample.defaultBranch;
    this.files = new Map(Object.entries(sample.files));
    for (const label of sample.labels) this.labels.set(label.name.toLowerCase(), { ...label });
    for (const item of sample.items) this.items.set(item.number, structuredClone(item));
    this.milestones = sample.milestones;
    this.roles = sample.roles;
  }

  get fullName(): string {
    return `${this.owner}/${this.repo}`;
  }

  /** Ids for what the app creates: counted from a fixed start, so every run writes the same ones. */
  nextId(): number {
    return ++this.lastId;
  }

  /** The time of a write: the demo's clock, a second further for each write so their order shows. */
  tick(): string {
    return new Date(this.now.getTime() + ++this.ticks * 1000).toISOString().replace(".000Z", "Z");
  }

  /** Issues, pull requests and Discussions share one sequence of numbers. */
  nextNumber(): number {
    return Math.max(0, ...this.items.keys(), ...this.discussions.map((d) => d.number)) + 1;
  }

  url(kind: "issues" | "pull" | "discussions", number: number): string {
    return `https://github.com/${this.fullName}/${kind}/${number}`;
  }

  item(number: number): Item {
    const found = this.items.get(number);
    if (!found) throw new Error(`#${number} is not in the sample repository`);
    return found;
  }

  addLabels(number: number, names: string[], actor: string): void {
    const item = this.item(number);
    for (const name of names) {
      const label = this.labels.get(name.toLowerCase());
      if (!label) throw new Error(`label "${name}" does not exist`);
      if (item.labels.some((l) => l.toLowerCase() === name.toLowerCase())) continue;
      item.labels.push(label.name);
      item.events.push({ label: label.name, action: "added", actor, at: this.tick() });
    }
  }

  removeLabel(number: number, name: string, actor: string): boolean {
    const item = this.item(number);
    const index = item.labels.findIndex((l) => l.toLowerCase() === name.toLowerCase());
    if (index < 0) return false;
    const [removed] = item.labels.splice(index, 1);
    item.events.push({ label: removed, action: "removed", actor, at: this.tick() });
    return true;
  }

  comment(id: number): { item: Item; comment: Comment } | undefined {
    for (const item of this.items.values()) {
      const comment = item.comments.find((c) => c.id === id);
      if (comment) return { item, comment };
    }
    return undefined;
  }
}
