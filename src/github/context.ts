/**
 * The GitHub Actions run context, read once from the runner's environment and
 * the event payload file. Plain data; nothing here talks to the network.
 */
import * as fs from 'node:fs';

export interface Actor {
  readonly login: string;
  /** 'User' | 'Bot' | 'Organization' | '' when unknown. */
  readonly type: string;
}

export interface WorkflowRunInfo {
  readonly id: number | undefined;
  readonly event: string;
  readonly headSha: string;
  readonly headBranch: string;
  readonly conclusion: string;
  readonly actor: Actor | undefined;
  readonly triggeringActor: Actor | undefined;
  /** owner/name of the repository the upstream run's head commit came from. */
  readonly headRepository: string;
  /** PR numbers the upstream run belongs to (same-repo PRs only, as GitHub reports them). */
  readonly pullRequests: readonly number[];
}

export interface GitHubContext {
  readonly owner: string;
  readonly repo: string;
  readonly eventName: string;
  /** The parsed event payload; `{}` when the file is missing or unreadable. */
  readonly payload: Readonly<Record<string, unknown>>;
  readonly sha: string;
  /** Full ref, e.g. refs/heads/main or refs/pull/3/merge. */
  readonly ref: string;
  /** Short name of `ref` (refs/heads/ and refs/tags/ stripped). */
  readonly refName: string;
  /** GITHUB_HEAD_REF: the PR's head branch on PR events, else ''. */
  readonly headRef: string;
  readonly baseRef: string;
  readonly runId: string;
  readonly runAttempt: number;
  /** GITHUB_ACTOR. */
  readonly actor: string;
  /** payload.sender. */
  readonly sender: Actor | undefined;
  readonly serverUrl: string;
  readonly apiUrl: string;
  readonly workspace: string;
  /** PR number for pull_request*, issue_comment on a PR, review events. */
  readonly prNumber: number | undefined;
  /** owner/name of the PR head repository (or upstream run's head repository). */
  readonly headRepository: string;
  /**
   * The commit a PR event is about: the PR's head (never the merge commit the
   * checkout of a pull_request event gives), or the upstream run's head commit; '' otherwise.
   */
  readonly headSha: string;
  /** The head of the PR or upstream run is in another repository. */
  readonly isFork: boolean;
  readonly workflowRun: WorkflowRunInfo | undefined;
  /** payload.repository.default_branch, '' when unknown. */
  readonly defaultBranch: string;
}

type Env = Readonly<Record<string, string | undefined>>;
type Json = Readonly<Record<string, unknown>>;

function obj(value: unknown): Json | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Json)
    : undefined;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function num(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^\d+$/.test(value)) return Number(value);
  return undefined;
}

function actorOf(value: unknown): Actor | undefined {
  const o = obj(value);
  const login = str(o?.login);
  return login === '' ? undefined : { login, type: str(o?.type) };
}

function readPayload(file: string | undefined): Json {
  if (!file) return {};
  try {
    return obj(JSON.parse(fs.readFileSync(file, 'utf8'))) ?? {};
  } catch {
    return {};
  }
}

function shortRef(ref: string): string {
  return ref.replace(/^refs\/(heads|tags)\//, '');
}

export function readGitHubContext(env: Env = process.env): GitHubContext {
  const payload = readPayload(env.GITHUB_EVENT_PATH);
  const [owner = '', repo = ''] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const repository = obj(payload.repository);
  const fullName = str(repository?.full_name) || (owner && repo ? `${owner}/${repo}` : '');
  const ref = env.GITHUB_REF ?? '';
  const eventName = env.GITHUB_EVENT_NAME ?? '';

  const pull = obj(payload.pull_request);
  const issue = obj(payload.issue);
  const prNumber =
    num(pull?.number) ??
    (obj(issue?.pull_request) !== undefined ? num(issue?.number) : undefined) ??
    (eventName.startsWith('pull_request') ? num(payload.number) : undefined);

  const workflowRun = readWorkflowRun(obj(payload.workflow_run));

  let headRepository = fullName;
  let isFork = false;
  let headSha = '';
  if (pull !== undefined) {
    headSha = str(obj(pull.head)?.sha);
    const head = obj(obj(pull.head)?.repo);
    const base = obj(obj(pull.base)?.repo);
    headRepository = str(head?.full_name);
    const baseName = str(base?.full_name) || fullName;
    // A deleted fork has head.repo === null: treat it as foreign.
    isFork = headRepository === '' || headRepository.toLowerCase() !== baseName.toLowerCase();
  } else if (workflowRun !== undefined) {
    headRepository = workflowRun.headRepository || fullName;
    isFork = headRepository.toLowerCase() !== fullName.toLowerCase();
    headSha = workflowRun.headSha;
  }

  return {
    owner,
    repo,
    eventName,
    payload,
    sha: env.GITHUB_SHA ?? '',
    ref,
    refName: env.GITHUB_REF_NAME || shortRef(ref),
    headRef: env.GITHUB_HEAD_REF ?? '',
    baseRef: env.GITHUB_BASE_REF ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: num(env.GITHUB_RUN_ATTEMPT) ?? 1,
    actor: env.GITHUB_ACTOR ?? '',
    sender: actorOf(payload.sender),
    serverUrl: (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, ''),
    apiUrl: (env.GITHUB_API_URL || 'https://api.github.com').replace(/\/+$/, ''),
    workspace: env.GITHUB_WORKSPACE ?? '',
    prNumber,
    headRepository,
    headSha,
    isFork,
    workflowRun,
    defaultBranch: str(repository?.default_branch),
  };
}

function readWorkflowRun(run: Json | undefined): WorkflowRunInfo | undefined {
  if (run === undefined) return undefined;
  const pulls = Array.isArray(run.pull_requests) ? run.pull_requests : [];
  return {
    id: num(run.id),
    event: str(run.event),
    headSha: str(run.head_sha),
    headBranch: str(run.head_branch),
    conclusion: str(run.conclusion),
    actor: actorOf(run.actor),
    triggeringActor: actorOf(run.triggering_actor),
    headRepository: str(obj(run.head_repository)?.full_name),
    pullRequests: pulls.map((p) => num(obj(p)?.number)).filter((n) => n !== undefined),
  };
}

/**
 * The branch the run started from, which a pull request from greenloop targets:
 * the PR's head branch on PR events, the upstream run's head branch on
 * workflow_run, else the ref's short name.
 */
export function startingBranch(context: GitHubContext): string {
  if (context.workflowRun !== undefined && context.workflowRun.headBranch !== '') {
    return context.workflowRun.headBranch;
  }
  if (context.headRef !== '') return context.headRef;
  const pullHead = str(obj(obj(context.payload.pull_request)?.head)?.ref);
  if (pullHead !== '') return pullHead;
  return context.ref.startsWith('refs/heads/') ? context.refName : context.defaultBranch;
}

/** The part of an Octokit instance `withPullRequest` needs. */
export interface PullsClient {
  request(
    route: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    params: { owner: string; repo: string; pull_number: number },
  ): Promise<{ readonly data: unknown }>;
}

/**
 * On `issue_comment` the payload names the PR but not its head: fetch it, so
 * its head repository decides fork status, its head branch is where a pull
 * request from greenloop goes, and its head commit (read now, at the
 * permission check) is what the run works on. Other events are returned as they are.
 */
export async function withPullRequest(
  context: GitHubContext,
  client: PullsClient,
): Promise<GitHubContext> {
  if (context.eventName !== 'issue_comment' || context.prNumber === undefined) return context;
  const { data } = await client.request('GET /repos/{owner}/{repo}/pulls/{pull_number}', {
    owner: context.owner,
    repo: context.repo,
    pull_number: context.prNumber,
  });
  const pull = obj(data);
  const head = obj(pull?.head);
  const headRepository = str(obj(head?.repo)?.full_name);
  const fullName = `${context.owner}/${context.repo}`;
  return {
    ...context,
    headRef: str(head?.ref),
    baseRef: str(obj(pull?.base)?.ref),
    headSha: str(head?.sha),
    headRepository,
    // A deleted fork has head.repo === null: treat it as foreign.
    isFork: headRepository === '' || headRepository.toLowerCase() !== fullName.toLowerCase(),
  };
}
