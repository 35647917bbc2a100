/** The Nodes the CLI, the demo and the tests run on: the oldest `major.minor` of each line. */
export const SUPPORTED: string;
/** One line naming the command, this Node and the fix; undefined when Node is new enough. */
export function nodeTooOld(
  command: string,
  floors: string,
  again?: string,
  version?: string,
): string | undefined;
