import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * The slf4j binding the broker's own pom leaves out: without it the broker logs nowhere, and a
 * broker that fails to start says nothing about why.
 */
const LOG_BINDING = { groupId: 'org.slf4j', artifactId: 'slf4j-reload4j', version: '1.7.36' };
const DEPENDENCY_PLUGIN = 'org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies';
const COMPLETE_MARKER = '.complete';

/**
 * The jars of Apache Kafka `version` (Scala 2.13) with their runtime dependencies, fetched from
 * Maven Central with `mvn dependency:copy-dependencies` into `<cacheDir>/libs` and reused from
 * there afterwards (the local Maven repository caches them too). Returns the `libs` folder.
 */
export async function kafkaJars(
  version: string,
  cacheDir: string,
  log: (line: string) => void,
): Promise<string> {
  const libs = join(cacheDir, 'libs');
  if (existsSync(join(libs, COMPLETE_MARKER))) return libs;

  await mkdir(cacheDir, { recursive: true });
  const pom = join(cacheDir, 'pom.xml');
  await writeFile(pom, pomFor(version), 'utf8');
  // Fetch into a private folder and rename it into place, so two processes fetching at once
  // never see a half-filled libs folder.
  const partial = join(cacheDir, `libs.partial-${process.pid}`);
  await rm(partial, { recursive: true, force: true });
  const started = Date.now();
  log(`fetching Apache Kafka ${version} jars from Maven Central into ${libs} ...`);
  try {
    await run(
      'mvn',
      ['-B', '-q', '-f', pom, DEPENDENCY_PLUGIN, `-DoutputDirectory=${partial}`, '-DincludeScope=runtime'],
      { timeout: 10 * 60_000, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `mvn could not fetch org.apache.kafka:kafka_2.13:${version}: ${(error as Error).message}\n` +
        `${stdout}\n${stderr}`.trim().split('\n').slice(-30).join('\n'),
    );
  }
  const jars = (await readdir(partial)).filter((name) => name.endsWith('.jar'));
  if (!jars.some((name) => name === `kafka_2.13-${version}.jar`)) {
    throw new Error(`mvn finished but ${partial} holds no kafka_2.13-${version}.jar`);
  }
  await writeFile(join(partial, COMPLETE_MARKER), `${new Date().toISOString()}\n`, 'utf8');
  if (existsSync(join(libs, COMPLETE_MARKER))) {
    await rm(partial, { recursive: true, force: true });
  } else {
    await rm(libs, { recursive: true, force: true });
    await rename(partial, libs);
  }
  log(`fetched ${jars.length} jars in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return libs;
}

function pomFor(version: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by @shelfmark/test-infra: the Apache Kafka broker the Kafka test suites start. -->
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>shelfmark.test-infra</groupId>
  <artifactId>kafka-broker</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_2.13</artifactId>
      <version>${version}</version>
    </dependency>
    <dependency>
      <groupId>${LOG_BINDING.groupId}</groupId>
      <artifactId>${LOG_BINDING.artifactId}</artifactId>
      <version>${LOG_BINDING.version}</version>
    </dependency>
  </dependencies>
</project>
`;
}
