/**
 * The attempts of this workflow run, for `mode: select`: the artifacts of the current run whose
 * names start with the prefix (checkpoints left out), each downloaded, checked against the digest
 * the service recorded at upload, and read as a candidate (its report.json claim and its diff).
 * Only the current run is listed (`GET /repos/{owner}/{repo}/actions/runs/{run_id}/artifacts`,
 * https://docs.github.com/rest/actions/artifacts#list-workflow-run-artifacts), so an artifact of
 * the same name from another run, a fork's included, is never a candidate.
 */
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { REPORT_FILES } from '../report/files.js';
import { readClaim } from '../select/claim.js';
import { err, ok, type Result } from '../core/result.js';
import type { Candidate } from '../select/rank.js';
import {
  ArtifactDownloadError,
  artifactNamePart,
  ghesMessage,
  isGhes,
  oneLine,
} from './artifact.js';
import type { GitHubContext } from './context.js';

/** A diff larger than this is not read (a published diff is far smaller). */
const MAX_DIFF_BYTES = 20 * 1024 * 1024;

export interface AttemptDownload {
  readonly candidates: Candidate[];
  /** One line per artifact that could not be used, with why. */
  readonly skipped: string[];
}

interface RunArtifact {
  readonly id: number;
  readonly name: string;
  readonly digest: string;
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
    const dir = path.join(options.dir, artifactNamePart(artifact.name) || String(artifact.id));
    try {
      const response = await client.downloadArtifact(artifact.id, {
        path: dir,
        ...(artifact.digest ? { expectedHash: artifact.digest } : {}),
        findBy: {
          token,
          workflowRunId: runId,
          repositoryOwner: context.owner,
          repositoryName: context.repo,
        },
      });
      if (response.digestMismatch === true) {
        skipped.push(`${artifact.name}: does not match the digest recorded at upload`);
        continue;
      }
      const candidate = await readCandidate(artifact.name, dir);
      if (candidate.ok) candidates.push(candidate.value);
      else skipped.push(candidate.error);
    } catch (error) {
      skipped.push(`${artifact.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  for (const line of skipped) options.log(`Skipped ${line}`);
  return { candidates, skipped };
}

async function readCandidate(name: string, dir: string): Promise<Result<Candidate>> {
  const reportPath = path.join(dir, REPORT_FILES.report);
  const diffPath = path.join(dir, REPORT_FILES.diff);
  let report: string;
  try {
    report = await readFile(reportPath, 'utf8');
  } catch {
    return err(`${name}: no ${REPORT_FILES.report}`);
  }
  const claim = readClaim(name, report);
  if (!claim.ok) return claim;
  // No diff file: the attempt changed nothing.
  const size = await stat(diffPath).then(
    (s) => s.size,
    () => 0,
  );
  if (size > MAX_DIFF_BYTES) return err(`${name}: diff over 20 MB`);
  const diff = size > 0 ? await readFile(diffPath, 'utf8') : '';
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
      .map((a) => ({ id: a.id, name: a.name, digest: a.digest ?? '' }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ArtifactDownloadError(
      `cannot list the artifacts of this workflow run (the job needs \`actions: read\`): ${oneLine(message)}`,
    );
  }
}
