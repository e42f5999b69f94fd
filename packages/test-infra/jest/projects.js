// @ts-check
/**
 * The real-infrastructure jest projects (Kafka, MongoDB). Each is included when its server can be
 * had — given from outside (KAFKA_BROKERS / MONGODB_URL) or started from Maven Central jars
 * (needs `java` and `mvn`). Otherwise the project is left out with a loud banner — and under
 * CI=true that is an error, never a silent skip.
 */
const { execFileSync } = require('node:child_process');

function has(command) {
  try {
    execFileSync(command, ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function banner(lines) {
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const bar = '!'.repeat(width);
  process.stderr.write(`\n${bar}\n${lines.map((l) => `! ${l.padEnd(width - 4)} !`).join('\n')}\n${bar}\n\n`);
}

/**
 * @param {string} name e.g. 'kafka'
 * @param {string} externalVariable e.g. 'KAFKA_BROKERS'
 * @param {() => import('jest').Config} project
 */
function infraProject(name, externalVariable, project) {
  const external = Boolean(process.env[externalVariable]);
  const canStart = has('java') && has('mvn');
  if (external || canStart) return [project()];
  const why = `cannot run the ${name} suites: no ${externalVariable} given and no java/mvn to start a server`;
  if (process.env.CI === 'true') throw new Error(`CI: ${why}`);
  banner([`SKIPPING the ${name} suites`, why, `Install a JDK and Maven, or set ${externalVariable}.`]);
  return [];
}

/** @param {Record<string, unknown>} base */
module.exports = function infraProjects(base) {
  const projects = [];
  for (const [name, variable] of [
    ['kafka', 'KAFKA_BROKERS'],
    ['mongo', 'MONGODB_URL'],
  ]) {
    let factory;
    try {
      factory = require(`./${name}.project.js`);
    } catch (error) {
      if (/** @type {{ code?: string }} */ (error).code !== 'MODULE_NOT_FOUND') throw error;
      continue;
    }
    projects.push(...infraProject(name, variable, () => factory(base)));
  }
  return projects;
};
