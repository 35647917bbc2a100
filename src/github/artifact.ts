/**
 * Artifacts through @actions/artifact, imported only when used (it is a large
 * part of the bundle's start-up cost). Upload failures are returned, never
 * thrown: publishing must not crash a run. Download (for `resume-from`) throws
 * ArtifactDownloadError, since a resume that cannot load ends the run's setup.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import type { GitHubContext } from './context.js';
import { err, ok, type Result } from '../core/result.js';

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

export interface UploadedArtifact {
  readonly id: number;
  readonly size: number;
  readonly name: string;
}

/**
 * How a name already taken in this workflow run is handled (names are unique
 * within a run, across its jobs and attempts: the service answers 409).
 * - `unique`: the name is greenloop's own; on a conflict (two greenloop steps in
 *   one job) try `<name>-2`, `<name>-3`, ... and keep the other artifact.
 * - `replace`: delete the artifact of that name in this run first (a name the
 *   user set, or the checkpoint replaced after every iteration).
 */
export type NameMode = 'unique' | 'replace';

/**
 * The artifact client refuses GitHub Enterprise Server: every host but
 * github.com, *.ghe.com and *.localhost (`isGhes()` in @actions/artifact's
 * `internal/shared/config.js`, which then throws GHESNotSupportedError).
 */
export function isGhes(serverUrl: string): boolean {
  let host: string;
  try {
    host = new URL(serverUrl || 'https://github.com').hostname.trimEnd().toUpperCase();
  } catch {
    return false;
  }
  return !(host === 'GITHUB.COM' || host.endsWith('.GHE.COM') || host.endsWith('.LOCALHOST'));
}

/** The one line that says why artifacts are off on GHES, and what to use instead. */
export function ghesMessage(serverUrl: string): string {
  return (
    `${serverUrl} is GitHub Enterprise Server, where actions cannot upload or download artifacts ` +
    'through @actions/artifact v2+; publish with `output: commit` or `output: pull-request`, or ' +
    'upload the files at the `diff-path` / `report-path` outputs with an artifact action your server supports'
  );
}

/**
 * The longest name greenloop makes. The service takes 1 to 256 characters (it answers 400 "name
 * invalid length for artifact name: must be between 1 and 256 characters", graalvm/mandrel#731);
 * 100 leaves room for a conflict suffix and stays readable in the run's artifact list.
 */
const MAX_NAME = 100;

/**
 * An artifact name from free text: ASCII letters, digits, `_`, `.` and `-`, no empty parts. The
 * client refuses `" : < > | * ? \r \n \ /` (`validateArtifactName` in @actions/artifact's
 * `internal/upload/path-and-artifact-name-validation.js`); keeping to [\w.-] also keeps names
 * safe as folder names when downloaded.
 */
export function artifactNamePart(text: string): string {
  return text
    .replace(/[^\w.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * The values of the `matrix` input, in order; [] without a matrix (`toJSON(matrix)` is `null`).
 * Meant for `${{ toJSON(matrix) }}`; a single value (`${{ matrix.node }}`) or list counts too.
 */
export function matrixValues(json: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return json.trim() === '' ? [] : [json];
  }
  if (data === null) return [];
  const values: unknown[] =
    typeof data !== 'object' ? [data] : Array.isArray(data) ? data : Object.values(data);
  return values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value)));
}

export interface JobIdentity {
  /** GITHUB_JOB: the job's id in the workflow. */
  readonly job: string;
  /** The `matrix` input. */
  readonly matrix: string;
  readonly runAttempt: number;
}

/**
 * The job id and matrix values as one name part. When making them a name lost something (a
 * character the service refuses, a non-ASCII letter, the length limit), 8 hex digits of their
 * SHA-256 follow, so two matrix jobs never share a name: `c++` and `c#` both read `c`.
 */
function jobPart(identity: JobIdentity, room: number): string {
  const raw = [identity.job, ...matrixValues(identity.matrix)].filter((v) => v !== '');
  const parts = raw.map(artifactNamePart).filter((part) => part !== '');
  const readable = parts.join('-');
  const lossless = parts.length === raw.length && parts.every((part, i) => part === raw[i]);
  if (lossless && readable.length <= room) return readable;
  const hash = createHash('sha256').update(JSON.stringify(raw)).digest('hex').slice(0, 8);
  const kept = readable.slice(0, room - hash.length - 1).replace(/[-.]+$/, '');
  return kept ? `${kept}-${hash}` : hash;
}

/**
 * Default artifact names, unique within the workflow run: the job id and its
 * matrix values tell jobs apart, the attempt tells re-runs apart. The
 * checkpoint's name leaves the attempt out: it is replaced after every
 * iteration, and a later run resumes from it by that name.
 */
export function defaultArtifactNames(identity: JobIdentity): {
  result: string;
  checkpoint: string;
} {
  const attempt = `attempt${identity.runAttempt}`;
  const result = jobPart(identity, MAX_NAME - 'greenloop-'.length - attempt.length - 1);
  const checkpoint = jobPart(identity, MAX_NAME - 'greenloop-checkpoint-'.length);
  return {
    result: `greenloop-${result ? `${result}-` : ''}${attempt}`,
    checkpoint: `greenloop-checkpoint${checkpoint ? `-${checkpoint}` : ''}`,
  };
}

/**
 * The names for an `artifact-name` the user set. Outside a matrix, that name (a later upload of
 * it replaces the earlier). In a matrix job the matrix values follow it, so each entry's artifact
 * still starts with the name (what `mode: select` lists) but one attempt never replaces another.
 */
export function chosenArtifactNames(
  name: string,
  matrix: string,
): { result: string; checkpoint: string } {
  const room = Math.max(9, MAX_NAME - name.length - '-checkpoint-'.length);
  const values = jobPart({ job: '', matrix, runAttempt: 0 }, room);
  return values
    ? { result: `${name}-${values}`, checkpoint: `${name}-checkpoint-${values}` }
    : { result: name, checkpoint: `${name}-checkpoint` };
}

function isConflict(message: string): boolean {
  return /\(409\)|already exists/i.test(message);
}

export async function uploadArtifact(
  name: string,
  files: string[],
  rootDir: string,
  retentionDays: number,
  log: PublishLog,
  mode: NameMode = 'unique',
): Promise<Result<UploadedArtifact>> {
  if (files.length === 0) return err(`artifact '${name}': no files to upload`);
  if (isGhes(process.env.GITHUB_SERVER_URL ?? '')) {
    // Checked here so the client never runs (it would print its own warning first).
    return err(`artifact '${name}': ${ghesMessage(process.env.GITHUB_SERVER_URL ?? '')}`);
  }
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  const options = retentionDays > 0 ? { retentionDays: cappedRetention(retentionDays, log) } : {};
  if (mode === 'replace' && (await deleteInRun(name))) {
    log.info(`Replaced the artifact '${name}' uploaded earlier in this workflow run`);
  }
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? name : `${name}-${n}`;
    try {
      const response = await client.uploadArtifact(candidate, files, rootDir, options);
      if (response.id === undefined) {
        return err(`artifact '${candidate}': the service returned no artifact id`);
      }
      log.info(`Uploaded artifact '${candidate}' (id ${response.id}, ${response.size ?? 0} bytes)`);
      return ok({ id: response.id, size: response.size ?? 0, name: candidate });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (mode === 'unique' && isConflict(message) && n < 5) continue;
      return err(
        `artifact '${candidate}' upload failed: ${oneLine(message)}${hint(message, mode)}`,
      );
    }
  }
}

/**
 * Deletes the finished artifact `name` of this workflow run; false when there is none ("Does not
 * fail if the artifact does not exist", as upload-artifact's `overwrite` documents it).
 */
async function deleteInRun(name: string): Promise<boolean> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient().deleteArtifact(name).then(
    () => true,
    () => false,
  );
}

/** The name of the copy `replaceArtifact` uploads first. */
export function stagedName(name: string): string {
  return `${name}-staged`;
}

/**
 * Replaces the artifact `name` of this workflow run so that a finished copy exists at every
 * moment: the files go up as `<name>-staged` first, then replace `name` (delete, upload), then
 * the staged copy is deleted. A job killed midway, or an upload failing after the delete, leaves
 * the staged copy, which `resume-from` takes when it is the newer (`downloadArtifactByName`).
 * Between iterations exactly one artifact holds the checkpoint.
 */
export async function replaceArtifact(
  name: string,
  files: string[],
  rootDir: string,
  retentionDays: number,
  log: PublishLog,
): Promise<Result<UploadedArtifact>> {
  const staged = await uploadArtifact(
    stagedName(name),
    files,
    rootDir,
    retentionDays,
    log,
    'replace',
  );
  const replaced = await uploadArtifact(name, files, rootDir, retentionDays, log, 'replace');
  if (!replaced.ok) return staged.ok ? staged : replaced;
  if (staged.ok) await deleteInRun(stagedName(name));
  return replaced;
}

/**
 * The toolkit lowers a retention above the repository's setting (GITHUB_RETENTION_DAYS)
 * with a warning annotation of its own; do it first, in the log only.
 */
function cappedRetention(days: number, log: PublishLog): number {
  const max = Number(process.env.GITHUB_RETENTION_DAYS ?? '');
  if (Number.isInteger(max) && max > 0 && days > max) {
    log.info(`retention-days ${days} is above this repository's limit: using ${max}`);
    return max;
  }
  return days;
}

/** A service's error message on one line, cut to 500 characters. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, 500);
}

function hint(message: string, mode: NameMode): string {
  if (/ACTIONS_RUNTIME_TOKEN|ACTIONS_RESULTS_URL/.test(message)) {
    return ' (artifacts can only be uploaded inside a GitHub Actions job)';
  }
  if (!isConflict(message)) return '';
  // After the delete, a 409 means an upload that never finished holds the name: the service
  // lists (so deletes) finished artifacts only (DataDog/dd-trace-js#10228).
  return mode === 'replace'
    ? ' (an upload of this name in this workflow run never finished and still holds the name; only finished artifacts can be deleted)'
    : ' (artifact names are unique within a workflow run: leave artifact-name empty for a unique default)';
}

export interface DownloadOptions {
  readonly token: string;
  readonly context: GitHubContext;
  /** Folder to unpack into (created when missing). */
  readonly dir: string;
  /** Branch the artifact's run must have run on; '' = any branch of this repository. */
  readonly branch: string;
}

interface ListedArtifact {
  readonly id: number;
  readonly name: string;
  readonly expired: boolean;
  readonly createdAt: string;
  readonly runId: number | undefined;
  readonly repositoryId: number | undefined;
  readonly headRepositoryId: number | undefined;
  readonly headBranch: string;
  readonly digest: string;
}

/**
 * Downloads and unpacks the newest unexpired artifact called `name` that an
 * earlier run of this repository made from its own code (the run's head
 * repository is this repository: never a fork's pull request run) on
 * `options.branch`, checks it against the digest the service recorded at
 * upload, and returns the folder it was unpacked to.
 */
export async function downloadArtifactByName(
  name: string,
  options: DownloadOptions,
): Promise<string> {
  const { context, token } = options;
  if (!token)
    throw new ArtifactDownloadError(`cannot download artifact '${name}': no github-token`);
  if (isGhes(context.serverUrl)) {
    throw new ArtifactDownloadError(ghesMessage(context.serverUrl));
  }
  const chosen = await findTrustedArtifact(name, options);
  let mismatch: boolean;
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const response = await new DefaultArtifactClient().downloadArtifact(chosen.id, {
      path: options.dir,
      expectedHash: chosen.digest,
      findBy: {
        token,
        workflowRunId: chosen.runId ?? 0,
        repositoryOwner: context.owner,
        repositoryName: context.repo,
      },
    });
    mismatch = response.digestMismatch === true;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ArtifactDownloadError(
      `cannot download artifact '${name}' (id ${chosen.id}): ${oneLine(message)}`,
    );
  }
  if (mismatch) {
    rmSync(options.dir, { recursive: true, force: true });
    throw new ArtifactDownloadError(
      `artifact '${name}' (id ${chosen.id}) does not match the digest recorded at upload (${chosen.digest}): refused`,
    );
  }
  return options.dir;
}

/** Every artifact of the repository called `name`, as the REST API lists them. */
async function listArtifactsNamed(
  name: string,
  options: DownloadOptions,
): Promise<(ListedArtifact & { digest: string })[]> {
  const { context } = options;
  try {
    const { getOctokit } = await import('@actions/github');
    const octokit = getOctokit(options.token, { baseUrl: context.apiUrl });
    const artifacts = await octokit.paginate(octokit.rest.actions.listArtifactsForRepo, {
      owner: context.owner,
      repo: context.repo,
      name,
      per_page: 100,
    });
    return artifacts.map((a) => ({
      id: a.id,
      name: a.name,
      expired: a.expired,
      createdAt: a.created_at ?? '',
      runId: a.workflow_run?.id ?? undefined,
      repositoryId: a.workflow_run?.repository_id ?? undefined,
      headRepositoryId: a.workflow_run?.head_repository_id ?? undefined,
      headBranch: a.workflow_run?.head_branch ?? '',
      digest: a.digest ?? '',
    }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ArtifactDownloadError(`cannot list artifacts named '${name}': ${oneLine(message)}`);
  }
}

async function findTrustedArtifact(
  name: string,
  options: DownloadOptions,
): Promise<ListedArtifact & { digest: string }> {
  const { context } = options;
  // The staged copy of a checkpoint is the newer when a job was killed while replacing it.
  const names = [name, stagedName(name)];
  const listed = (await Promise.all(names.map((each) => listArtifactsNamed(each, options)))).flat();
  const where = `${context.owner}/${context.repo}`;
  const named = listed
    .filter((a) => names.includes(a.name) && !a.expired)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
  if (named.length === 0) {
    throw new ArtifactDownloadError(`no unexpired artifact named '${name}' in ${where}`);
  }
  const ownCode = named.filter(
    (a) => a.repositoryId !== undefined && a.headRepositoryId === a.repositoryId,
  );
  if (ownCode.length === 0) {
    throw new ArtifactDownloadError(
      `every artifact named '${name}' comes from a run of another repository's code (a fork's pull request): refused`,
    );
  }
  const onBranch =
    options.branch === '' ? ownCode : ownCode.filter((a) => a.headBranch === options.branch);
  const newest = onBranch[0];
  if (newest === undefined) {
    throw new ArtifactDownloadError(
      `no artifact named '${name}' from a run on branch '${options.branch}' (found: ${[
        ...new Set(ownCode.map((a) => a.headBranch || '?')),
      ].join(', ')}); set resume-from-any-branch: true to take another branch's`,
    );
  }
  if (!/^sha256:[0-9a-f]{64}$/.test(newest.digest)) {
    throw new ArtifactDownloadError(
      `artifact '${name}' (id ${newest.id}) has no digest to check the download against: refused`,
    );
  }
  return newest;
}
