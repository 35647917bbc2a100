/** Hash of every input of the bundle (paths and contents). */
export function sourceHash(): string;
/** The folder of the build of the current sources (the bundle in `dist/`'s layout). */
export function freshDistDir(): string;
/** GREENLOOP_TEST_DIST when set, else the build of the current sources (built when missing). */
export function freshDist(): Promise<string>;
/** The build of the current sources, made when missing. */
export function currentBuild(): Promise<string>;
