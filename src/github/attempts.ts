/**
 * The attempts of this workflow run, for `mode: select`: the artifacts of the current run whose
 * names start with the prefix (checkpoints left out), each downloaded, checked against the digest
 * the service recorded at upload, and read as a candidate (its report.json claim and its diff).
 * Only the current run is listed (`GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts`,
 * https://docs.github.com/rest/actions/artifacts#list-workflow-run-artifacts), so an artifact of
 * the same name from another run, a fork's included, is never a candidate.
 */
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { REPORT_FILES } from '../report/files.js';
import { readClaim } from '../select/claim.js';
import { err, ok, type Result } from '../core/result.js';
import type { Candidate } from '../select/rank.js';
import { readZipFiles } from '../select/zip.js';
import { ArtifactDownloadError, ghesMessage, isGhes, oneLine } from './artifact.js';
import type { GitHubContext } from './context.js';

/** A diff larger than this is not read (a published diff is far smaller). */
const MAX_DIFF_BYTES = 20 * 1024 * 1024;
/** A report.json is a few kilobytes; more is not a greenloop report. */
const MAX_REPORT_BYTES = 1024 * 1024;
/** An attempt's zip holds its report, diff, logs and transcript: past this it is not downloaded. */
const MAX_ZIP_BYTES = 100 * 1024 * 1024;

export interface AttemptDownload {
  readonly candidates: Candidate[];
  /** One line per artifact that could not be used, with why. */
  readonly skipped: string[];
}

interface RunArtifact {
  readonly id: number;
  readonly name: string;
  readonly digest: string;
  readonly size: number;
}

/** Whether `name` is an attempt's result artifact under `prefix` (not a checkpoint). */
export function isAttemptArtifact(name: string, prefix: string): boolean {
  return name.startsWith(prefix) && !/(^|-)checkpoint(-|$)/.test(name);
}

export async function downloadAttempts(options: {
  readonly token: string;
  readonly context: GitHubContext;
  readonly prefix: string;
  readonly dir: string;
  readonly log: (line: string) => void;
}): Promise<AttemptDownload> {
  const { context, token } = options;
  if (isGhes(context.serverUrl)) throw new ArtifactDownloadError(ghesMessage(context.serverUrl));
  if (!token)
    throw new ArtifactDownloadError("mode select lists the run's artifacts: no github-token");
  const runId = Number(context.runId);
  if (!Number.isInteger(runId) || runId <= 0) {
    throw new ArtifactDownloadError(
      'mode select runs inside a workflow run: GITHUB_RUN_ID is not set',
    );
  }
  const listed = await listRunArtifacts(token, context, runId);
  const attempts = listed.filter((a) => isAttemptArtifact(a.name, options.prefix));
  options.log(
    `Attempts in this workflow run: ${attempts.length} artifact(s) named ${options.prefix}* (of ${listed.length})`,
  );
  const { DefaultArtifactClient } = await import('@actions/artifact');
  const client = new DefaultArtifactClient();
  const candidates: Candidate[] = [];
  const skipped: string[] = [];
  for (const artifact of attempts) {
    const candidate = await fetchCandidate(artifact, options.dir, (into) =>
      client.downloadArtifact(artifact.id, {
        path: into,
        // The zip as it is: read in memory below, never unpacked onto disk.
        skipDecompress: true,
        ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
        findBy: {
          token,
          workflowRunId: runId,
          repositoryOwner: context.owner,
          repositoryName: context.repo,
        },
      }),
    );
    if (candidate.ok) candidates.push(candidate.value);
    else skipped.push(candidate.error);
  }
  for (const line of skipped) options.log(`Skipped ${line}`);
  return { candidates, skipped };
}

/** One attempt's artifact downloaded into its own folder (by id), read and removed. */
async function fetchCandidate(
  artifact: RunArtifact,
  dir: string,
  download: (into: string) => Promise<{ digestMismatch?: boolean }>,
): Promise<Result<Candidate>> {
  const refuse = (why: string): Result<Candidate> => err(`${artifact.name}: ${why}`);
  if (artifact.size > MAX_ZIP_BYTES) {
    return refuse(
      `${artifact.size} bytes, over the ${MAX_ZIP_BYTES / 1024 / 1024} MB an attempt may have`,
    );
  }
  const into = path.join(dir, String(artifact.id));
  try {
    const response = await download(into);
    if (response.digestMismatch === true)
      return refuse('does not match the digest recorded at upload');
    const files = await readdir(into);
    const file = files.length === 1 ? path.join(into, files[0]!) : '';
    const info = file ? await stat(file) : undefined;
    if (!info?.isFile() || info.size > MAX_ZIP_BYTES)
      return refuse('the download is not one zip file');
    return readCandidate(artifact.name, await readFile(file));
  } catch (error) {
    return refuse(oneLine(error instanceof Error ? error.message : String(error)));
  } finally {
    await rm(into, { recursive: true, force: true });
  }
}

/** The claim (report.json) and diff of one attempt's zip, each within its limit. */
export function readCandidate(name: string, zip: Buffer): Result<Candidate> {
  const files = readZipFiles(zip, {
    [REPORT_FILES.report]: MAX_REPORT_BYTES,
    [REPORT_FILES.diff]: MAX_DIFF_BYTES,
  });
  if (!files.ok) return err(`${name}: ${files.error}`);
  const report = files.value.get(REPORT_FILES.report);
  if (!report) return err(`${name}: no ${REPORT_FILES.report}`);
  const claim = readClaim(name, report.toString('utf8'));
  if (!claim.ok) return claim;
  // No diff file: the attempt changed nothing.
  const diff = files.value.get(REPORT_FILES.diff)?.toString('utf8') ?? '';
  return ok({ claim: claim.value, diff });
}

async function listRunArtifacts(
  token: string,
  context: GitHubContext,
  runId: number,
): Promise<RunArtifact[]> {
  try {
    const { getOctokit } = await import('@actions/github');
    const octokit = getOctokit(token, { baseUrl: context.apiUrl });
    const artifacts = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
      owner: context.owner,
      repo: context.repo,
      run_id: runId,
      per_page: 100,
    });
    return artifacts
      .filter((a) => !a.expired && (a.workflow_run?.id ?? runId) === runId)
      .map((a) => ({ id: a.id, name: a.name, digest: a.digest ?? '', size: a.size_in_bytes }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ArtifactDownloadError(
      `cannot list the artifacts of this workflow run (the job needs \`actions: read\`): ${oneLine(message)}`,
    );
  }
}
