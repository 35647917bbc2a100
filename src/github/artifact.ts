/**
 * Artifacts through @actions/artifact, imported only when used (it is a large
 * part of the bundle's start-up cost). Upload failures are returned, never
 * thrown: publishing must not crash a run. Download (for `resume-from`) throws
 * ArtifactDownloadError, since a resume that cannot load ends the run's setup.
 */
import type { GitHubContext } from './context.js';

/** The part of the run's log publishing uses (structurally a subset of RunLog). */
export interface PublishLog {
  info(line: string): void;
  warn(line: string): void;
}

export class ArtifactDownloadError extends Error {
  override readonly name = 'ArtifactDownloadError';
  static isArtifactDownloadError(error: unknown): error is ArtifactDownloadError {
    return error instanceof Error && error.name === 'ArtifactDownloadError';
  }
}

export type UploadResult = { id: number; size: number } | { error: string };

export async function uploadArtifact(
  name: string,
  files: string[],
  rootDir: string,
  retentionDays: number,
  log: PublishLog,
): Promise<UploadResult> {
  if (files.length === 0) return { error: `artifact '${name}': no files to upload` };
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const client = new DefaultArtifactClient();
    const options = retentionDays > 0 ? { retentionDays } : {};
    const response = await client.uploadArtifact(name, files, rootDir, options);
    if (response.id === undefined) {
      return { error: `artifact '${name}': the service returned no artifact id` };
    }
    log.info(`Uploaded artifact '${name}' (id ${response.id}, ${response.size ?? 0} bytes)`);
    return { id: response.id, size: response.size ?? 0 };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: `artifact '${name}' upload failed: ${oneLine(message)}${hint(message)}` };
  }
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}

function hint(message: string): string {
  if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(message)) {
    return ' (artifacts can only be uploaded inside a GitHub Actions job)';
  }
  if (/GHES|Enterprise Server/i.test(message)) {
    return ' (this artifact service is not available on GitHub Enterprise Server)';
  }
  return '';
}

export interface DownloadOptions {
  readonly token: string;
  readonly context: GitHubContext;
  /** Folder to unpack into (created when missing). */
  readonly dir: string;
}

interface ListedArtifact {
  readonly id: number;
  readonly name: string;
  readonly expired: boolean;
  readonly createdAt: string;
  readonly runId: number | undefined;
}

/**
 * Downloads and unpacks the newest unexpired artifact called `name` from the
 * current repository (any earlier run), returning the folder it was unpacked to.
 */
export async function downloadArtifactByName(
  name: string,
  options: DownloadOptions,
): Promise<string> {
  const { context, token } = options;
  if (!token)
    throw new ArtifactDownloadError(`cannot download artifact '${name}': no github-token`);
  const newest = await findNewestArtifact(name, options);
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const response = await new DefaultArtifactClient().downloadArtifact(newest.id, {
      path: options.dir,
      findBy: {
        token,
        workflowRunId: newest.runId ?? 0,
        repositoryOwner: context.owner,
        repositoryName: context.repo,
      },
    });
    return response.downloadPath ?? options.dir;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ArtifactDownloadError(
      `cannot download artifact '${name}' (id ${newest.id}): ${oneLine(message)}`,
    );
  }
}

async function findNewestArtifact(name: string, options: DownloadOptions): Promise<ListedArtifact> {
  const { context } = options;
  let listed: ListedArtifact[];
  try {
    const { getOctokit } = await import('@actions/github');
    const octokit = getOctokit(options.token, { baseUrl: context.apiUrl });
    const response = await octokit.rest.actions.listArtifactsForRepo({
      owner: context.owner,
      repo: context.repo,
      name,
      per_page: 20,
    });
    listed = response.data.artifacts.map((a) => ({
      id: a.id,
      name: a.name,
      expired: a.expired,
      createdAt: a.created_at ?? '',
      runId: a.workflow_run?.id ?? undefined,
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ArtifactDownloadError(`cannot list artifacts named '${name}': ${oneLine(message)}`);
  }
  const usable = listed
    .filter((a) => a.name === name && !a.expired)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  const newest = usable[0];
  if (newest === undefined) {
    throw new ArtifactDownloadError(
      `no unexpired artifact named '${name}' in ${context.owner}/${context.repo}`,
    );
  }
  return newest;
}
