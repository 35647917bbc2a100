/**
 * Who may start a run. Events a person can trigger (comments, reviews, issues,
 * pull requests, discussions, and workflow_run whose upstream run a person
 * started) run only for people with write access, users in `allow-users`, and
 * bots in `allow-bots`. Untrusted code (a fork's head on pull_request_target or
 * workflow_run) is refused unless `allow-untrusted-code` is set.
 */
import type { Actor, GitHubContext } from './context.js';
import { err, ok, type Result } from '../core/result.js';

export type Permission = 'admin' | 'maintain' | 'write' | 'triage' | 'read' | 'none';

export interface PermissionApi {
  permissionOf(user: string): Promise<Permission>;
}

export interface GatingConfig {
  readonly allowUsers: readonly string[];
  readonly allowBots: readonly string[];
  readonly allowUntrustedCode: boolean;
}

/** Allowed, with notes for the log; or refused, with why. */
export type TriggerDecision = Result<readonly string[]>;

/**
 * Events only a person with write access (or the repository itself) can start:
 * these are not gated. Every other event, including ones anyone can trigger
 * (comments, issues, pull requests, stars, forks, discussions, workflow_run), is.
 */
const UNGATED_EVENTS = new Set([
  'push',
  'schedule',
  'workflow_dispatch',
  'repository_dispatch',
  'merge_group',
  'create',
  'delete',
  '',
]);

const WRITE_LEVELS: ReadonlySet<Permission> = new Set(['admin', 'maintain', 'write']);

function isPersonEvent(eventName: string): boolean {
  return !UNGATED_EVENTS.has(eventName);
}

export function isBot(actor: Actor): boolean {
  return actor.login.toLowerCase().endsWith('[bot]') || actor.type.toLowerCase() === 'bot';
}

function botListed(login: string, allowBots: readonly string[]): boolean {
  const bare = login.toLowerCase().replace(/\[bot\]$/, '');
  return allowBots.some((entry) => entry.toLowerCase().replace(/\[bot\]$/, '') === bare);
}

function userListed(login: string, allowUsers: readonly string[]): boolean {
  const lower = login.toLowerCase();
  return allowUsers.some((entry) => entry.toLowerCase() === lower);
}

/** The people whose access decides the run, most relevant first. */
function actorsOf(context: GitHubContext): Actor[] {
  if (context.eventName === 'workflow_run' && context.workflowRun !== undefined) {
    const { actor, triggeringActor } = context.workflowRun;
    const list = [triggeringActor, actor].filter((a): a is Actor => a !== undefined);
    const seen = new Set<string>();
    return list.filter((a) => {
      const key = a.login.toLowerCase();
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
  if (context.sender !== undefined) {
    // GITHUB_ACTOR and sender agree on these events; sender also says whether it is a bot.
    return [context.sender];
  }
  return context.actor !== '' ? [{ login: context.actor, type: '' }] : [];
}

export async function checkTrigger(
  context: GitHubContext,
  config: GatingConfig,
  api: PermissionApi,
): Promise<TriggerDecision> {
  const notes: string[] = [];
  const event = context.eventName;

  if (
    (event === 'pull_request_target' || event === 'workflow_run') &&
    context.isFork &&
    !config.allowUntrustedCode
  ) {
    return err(
      `refused: ${event} runs code from the fork '${context.headRepository || 'unknown'}' ` +
        'with this repository’s secrets; set allow-untrusted-code: true to accept that risk',
    );
  }
  if (context.isFork && config.allowUntrustedCode) {
    notes.push(`running code from fork '${context.headRepository}' (allow-untrusted-code is set)`);
  }

  if (!isPersonEvent(event)) {
    notes.push(`event '${event || 'unknown'}' is not gated by actor permission`);
    return ok(notes);
  }

  const actors = actorsOf(context);
  if (actors.length === 0) {
    return err(`refused: cannot tell who triggered the ${event} event`);
  }
  for (const actor of actors) {
    const verdict = await checkActor(actor, config, api);
    if (!verdict.ok) return verdict;
    notes.push(verdict.value);
  }
  return ok(notes);
}

async function checkActor(
  actor: Actor,
  config: GatingConfig,
  api: PermissionApi,
): Promise<Result<string>> {
  const { login } = actor;
  if (isBot(actor)) {
    if (botListed(login, config.allowBots)) return ok(`bot '${login}' is in allow-bots`);
    return err(`refused: '${login}' is a bot and is not listed in allow-bots`);
  }
  if (userListed(login, config.allowUsers)) {
    return ok(`user '${login}' is in allow-users`);
  }
  let permission: Permission;
  try {
    permission = await api.permissionOf(login);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return err(`refused: could not read the repository permission of '${login}' (${message})`);
  }
  if (WRITE_LEVELS.has(permission)) {
    return ok(`'${login}' has ${permission} permission`);
  }
  return err(
    `refused: '${login}' has ${permission} permission; write, maintain or admin is needed ` +
      '(or add the user to allow-users)',
  );
}

/** The part of an Octokit instance `createPermissionApi` needs. */
export interface RequestClient {
  request(
    route: string,
    params: Readonly<Record<string, unknown>>,
  ): Promise<{ readonly data: unknown }>;
}

function statusOf(error: unknown): number | undefined {
  if (typeof error === 'object' && error !== null && 'status' in error) {
    const status = (error as { status: unknown }).status;
    return typeof status === 'number' ? status : undefined;
  }
  return undefined;
}

const ROLE_NAMES: ReadonlySet<string> = new Set(['admin', 'maintain', 'write', 'triage', 'read']);

/**
 * Permission lookups through the REST collaborator-permission endpoint. Takes an
 * Octokit-like client, or a token (Octokit is then imported on first use, with
 * `repo.apiUrl` as base URL when given).
 */
export function createPermissionApi(
  client: RequestClient | string,
  repo: { readonly owner: string; readonly repo: string; readonly apiUrl?: string },
): PermissionApi {
  let resolved: RequestClient | undefined = typeof client === 'string' ? undefined : client;
  const getClient = async (): Promise<RequestClient> => {
    if (resolved === undefined) {
      const { getOctokit } = await import('@actions/github');
      const token = typeof client === 'string' ? client : '';
      resolved = getOctokit(token, repo.apiUrl ? { baseUrl: repo.apiUrl } : {});
    }
    return resolved;
  };
  return {
    async permissionOf(user: string): Promise<Permission> {
      try {
        const { data } = await (
          await getClient()
        ).request('GET /repos/{owner}/{repo}/collaborators/{username}/permission', {
          owner: repo.owner,
          repo: repo.repo,
          username: user,
        });
        const record = (typeof data === 'object' && data !== null ? data : {}) as Record<
          string,
          unknown
        >;
        const role = typeof record.role_name === 'string' ? record.role_name.toLowerCase() : '';
        if (ROLE_NAMES.has(role)) return role as Permission;
        const permission = typeof record.permission === 'string' ? record.permission : 'none';
        return ROLE_NAMES.has(permission) ? (permission as Permission) : 'none';
      } catch (error) {
        // Not a collaborator (404) means no access.
        if (statusOf(error) === 404) return 'none';
        throw error;
      }
    },
  };
}
