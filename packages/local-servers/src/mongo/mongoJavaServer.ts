import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The MongoDB-wire-compatible server the mongo suites run against: mongo-java-server's in-memory
 * backend from Maven Central. 1.47.0 is the newest release at the time of writing; its launcher
 * makes it report MongoDB 5.0 (see `ShelfmarkMongoServer.java` and docs/adr/0008-mongodb.md).
 */
export const MONGO_JAVA_SERVER_VERSION = '1.47.0';

/** The launcher's main class, compiled from `ShelfmarkMongoServer.java` beside this file. */
export const LAUNCHER_CLASS = 'ShelfmarkMongoServer';

/** What `java` needs to run the server: a class path holding the jars and the launcher. */
export interface MongoJavaServerInstallation {
  readonly home: string;
  readonly classPath: string;
}

const POM = `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by @shelfmark/test-infra: fetches mongo-java-server and its runtime dependencies. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dev.shelfmark.test-infra</groupId>
  <artifactId>mongo-java-server-runtime</artifactId>
  <version>${MONGO_JAVA_SERVER_VERSION}</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>de.bwaldvogel</groupId>
      <artifactId>mongo-java-server</artifactId>
      <version>${MONGO_JAVA_SERVER_VERSION}</version>
    </dependency>
    <dependency>
      <!-- The server logs through SLF4J: warnings and errors go to its log file. -->
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-simple</artifactId>
      <version>2.0.17</version>
    </dependency>
  </dependencies>
  <build>
    <plugins>
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-dependency-plugin</artifactId>
        <version>3.8.1</version>
      </plugin>
    </plugins>
  </build>
</project>
`;

/** The monorepo's root: the nearest folder up from here whose package.json declares workspaces. */
export function repositoryRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && /"workspaces"\s*:/.test(readFileSync(manifest, 'utf8'))) return dir;
    if (dirname(dir) === dir)
      throw new Error(`No monorepo root (package.json with workspaces) above ${from}`);
  }
}

/**
 * Makes sure the server's jars and the compiled launcher are in `<repo>/.cache/mongo-java-server-<v>/`
 * (fetched with `mvn dependency:copy-dependencies`, compiled with `javac`), reusing them when present.
 * The folder is built aside and renamed into place, so a run that dies halfway leaves nothing broken
 * and two runs preparing it at once do not trip over each other.
 */
export async function installMongoJavaServer(
  cacheRoot = join(repositoryRoot(), '.cache'),
): Promise<MongoJavaServerInstallation> {
  const home = join(cacheRoot, `mongo-java-server-${MONGO_JAVA_SERVER_VERSION}`);
  if (!isInstalled(home)) {
    const staging = `${home}.partial-${process.pid}-${Date.now()}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(join(staging, 'classes'), { recursive: true });
    try {
      writeFileSync(join(staging, 'pom.xml'), POM);
      await tool('mvn', [
        '-B',
        '-q',
        '-f',
        join(staging, 'pom.xml'),
        'dependency:copy-dependencies',
        `-DoutputDirectory=${join(staging, 'lib')}`,
        '-DincludeScope=runtime',
      ]);
      const source = join(staging, `${LAUNCHER_CLASS}.java`);
      copyFileSync(join(__dirname, `${LAUNCHER_CLASS}.java`), source);
      await tool('javac', ['-cp', classPath(staging, false), '-d', join(staging, 'classes'), source]);
      if (!isInstalled(staging)) throw new Error(`mvn/javac left no usable server in ${staging}`);
      if (!isInstalled(home)) {
        rmSync(home, { recursive: true, force: true });
        renameSync(staging, home);
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return { home, classPath: classPath(home, true) };
}

/** Jars fetched and the launcher compiled from the current source (a changed launcher is rebuilt). */
function isInstalled(home: string): boolean {
  const lib = join(home, 'lib');
  const source = join(home, `${LAUNCHER_CLASS}.java`);
  return (
    existsSync(join(home, 'classes', `${LAUNCHER_CLASS}.class`)) &&
    existsSync(source) &&
    readFileSync(source, 'utf8') === readFileSync(join(__dirname, `${LAUNCHER_CLASS}.java`), 'utf8') &&
    existsSync(lib) &&
    readdirSync(lib).some((jar) => jar.startsWith(`mongo-java-server-core-${MONGO_JAVA_SERVER_VERSION}`))
  );
}

function classPath(home: string, withLauncher: boolean): string {
  const lib = join(home, 'lib');
  const jars = readdirSync(lib)
    .filter((file) => file.endsWith('.jar'))
    .sort()
    .map((jar) => join(lib, jar));
  return [...(withLauncher ? [join(home, 'classes')] : []), ...jars].join(delimiter);
}

async function tool(command: string, args: string[]): Promise<void> {
  try {
    await run(command, args, { maxBuffer: 16 * 1024 * 1024, timeout: 10 * 60 * 1000 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    const output = `${stdout}\n${stderr}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`${command} ${args.join(' ')} failed: ${(error as Error).message}\n${output}`, {
      cause: error,
    });
  }
}
