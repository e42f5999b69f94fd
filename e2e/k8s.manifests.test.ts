import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';

/**
 * deploy/k8s rendered as `kustomize build` would (the part of kustomize these files use:
 * resources, strategic-merge patches, namespace, images; any other field fails the test), then
 * every manifest checked against the Kubernetes OpenAPI schemas (kubernetes-models: Kubernetes
 * 1.27's schemas compiled to ajv validators, nothing fetched) and against what the processes need.
 * No kustomize binary is published on npm or Maven Central; this machine kind ships kubectl with
 * kustomize 5.5 built in, and the rendering here is checked against `kubectl kustomize` too, so
 * what the test validates is what a cluster would be given (docs/operations.md#kubernetes).
 */
const K8S = join(__dirname, '..', 'deploy', 'k8s');
const ROOT = join(__dirname, '..');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Obj = { [key: string]: Json };
interface Resource extends Obj {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string } & Obj;
}

const KNOWN_FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'images', 'patches']);
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'PersistentVolume',
  'StorageClass',
]);
/** The merge keys of the lists these files patch; other lists are replaced, as kustomize does. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
};

const isObj = (value: Json | undefined): value is Obj =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function strategicMerge(target: Obj, patch: Obj): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    const mergeKey = MERGE_KEYS[key];
    if (isObj(value) && isObj(current)) strategicMerge(current, value);
    else if (Array.isArray(value) && Array.isArray(current) && mergeKey) {
      for (const item of value) {
        if (!isObj(item)) throw new Error(`${key}: a list item without ${mergeKey}`);
        const existing = current.find(
          (candidate) => isObj(candidate) && candidate[mergeKey] === item[mergeKey],
        );
        if (isObj(existing)) strategicMerge(existing, item);
        // New items go first, where kustomize puts them.
        else current.unshift(item);
      }
    } else target[key] = structuredClone(value);
  }
}

function readDocuments(file: string): Resource[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((document) => document.toJS() as Resource | null)
    .filter((resource): resource is Resource => resource !== null);
}

function build(dir: string): Resource[] {
  const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')) as Obj;
  for (const field of Object.keys(kustomization)) {
    if (!KNOWN_FIELDS.has(field))
      throw new Error(`${dir}: kustomization field ${field} is not rendered by this test`);
  }
  const resources: Resource[] = [];
  for (const entry of (kustomization['resources'] ?? []) as string[]) {
    const path = join(dir, entry);
    resources.push(...(statSync(path).isDirectory() ? build(path) : readDocuments(path)));
  }
  for (const { path } of (kustomization['patches'] ?? []) as { path: string }[]) {
    for (const patch of readDocuments(join(dir, path))) {
      const target = resources.find((r) => r.kind === patch.kind && r.metadata.name === patch.metadata.name);
      if (!target) throw new Error(`${dir}/${path}: no ${patch.kind} ${patch.metadata.name} to patch`);
      strategicMerge(target, patch);
    }
  }
  const namespace = kustomization['namespace'] as string | undefined;
  if (namespace) {
    for (const resource of resources) {
      if (!CLUSTER_SCOPED.has(resource.kind)) resource.metadata.namespace = namespace;
    }
  }
  for (const image of (kustomization['images'] ?? []) as {
    name: string;
    newName?: string;
    newTag?: string;
  }[]) {
    for (const container of resources.flatMap(containersOf)) {
      const [name] = (container['image'] as string).split(':');
      if (name === image.name)
        container['image'] = `${image.newName ?? image.name}:${image.newTag ?? 'latest'}`;
    }
  }
  return resources;
}

function containersOf(resource: Resource): Obj[] {
  const spec = resource['spec'];
  if (!isObj(spec) || !isObj(spec['template']) || !isObj(spec['template']['spec'])) return [];
  return spec['template']['spec']['containers'] as Obj[];
}

function validateAgainstSchema(resource: Resource): void {
  const path = `kubernetes-models/${resource.apiVersion}/${resource.kind}`;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const models = require(path) as Record<string, new (data: unknown) => { validate(): void }>;
  const Model = models[resource.kind];
  if (!Model) throw new Error(`${path} exports no ${resource.kind}`);
  new Model(resource).validate();
}

const DOCKERFILE_CMD = JSON.parse(
  readFileSync(join(ROOT, 'Dockerfile'), 'utf8')
    .split('\n')
    .filter((line) => line.startsWith('CMD '))
    .at(-1)!
    .slice(4),
) as string[];

const STATELESS_SUBGRAPHS = ['catalogue', 'inventory', 'members', 'comments', 'analytics'];

describe.each(readdirSync(join(K8S, 'overlays')).sort())('deploy/k8s/overlays/%s', (overlay) => {
  const resources = build(join(K8S, 'overlays', overlay));
  const named = (kind: string) =>
    new Map(resources.filter((r) => r.kind === kind).map((r) => [r.metadata.name, r]));
  const deployments = named('Deployment');

  it('renders what `kubectl kustomize` renders', () => {
    let rendered: string;
    try {
      rendered = execFileSync('kubectl', ['kustomize', join(K8S, 'overlays', overlay)], { encoding: 'utf8' });
    } catch (error) {
      throw new Error(
        `kubectl kustomize failed (is kubectl, with kustomize built in, installed?): ${String(error)}`,
      );
    }
    const key = (r: Resource) => `${r.kind}/${r.metadata.namespace ?? ''}/${r.metadata.name}`;
    const byKey = (list: Resource[]) => new Map(list.map((r) => [key(r), r]));
    const fromKubectl = parseAllDocuments(rendered).map((document) => document.toJS() as Resource);
    expect([...byKey(resources).keys()].sort()).toEqual([...byKey(fromKubectl).keys()].sort());
    for (const [name, resource] of byKey(fromKubectl)) {
      expect({ [name]: byKey(resources).get(name) }).toEqual({ [name]: resource });
    }
  });

  it('renders only manifests that the Kubernetes OpenAPI schemas accept', () => {
    expect(resources.length).toBeGreaterThan(20);
    for (const resource of resources) {
      expect(() => validateAgainstSchema(resource)).not.toThrow();
    }
  });

  it('runs a Deployment per subgraph, the router and the notifications worker, from the compiled image', () => {
    expect([...deployments.keys()].sort()).toEqual(
      [
        'analytics',
        'catalogue',
        'comments',
        'inventory',
        'loans',
        'members',
        'notifications',
        'router',
      ].sort(),
    );
    for (const deployment of deployments.values()) {
      expect(deployment.metadata.namespace).toBe(overlay === 'prod' ? 'shelfmark' : 'shelfmark-dev');
      const [container] = containersOf(deployment);
      expect(container!['image']).toMatch(overlay === 'prod' ? /^registry\.example\.org\/shelfmark:\d/ : /:/);
      const command = container!['command'] as string[];
      // The image's own flags: compiled JavaScript chosen by the export condition.
      expect(command.slice(0, 3)).toEqual(DOCKERFILE_CMD.slice(0, 3));
      expect(command[3]).toMatch(/^packages\/launcher\/dist\/cluster\/\w+Process\.js$/);
      if (deployment.metadata.name === 'router') expect(command).toEqual(DOCKERFILE_CMD);
    }
  });

  it('probes /readyz for readiness and /healthz for liveness, with requests and limits', () => {
    for (const deployment of deployments.values()) {
      const [container] = containersOf(deployment);
      expect(container).toMatchObject({
        readinessProbe: { httpGet: { path: '/readyz' } },
        livenessProbe: { httpGet: { path: '/healthz' } },
        resources: {
          requests: { cpu: expect.any(String), memory: expect.any(String) },
          limits: { cpu: expect.any(String), memory: expect.any(String) },
        },
      });
    }
  });

  it('gives SIGTERM time: the process timeout fits in the grace period after the preStop pause', () => {
    const config = named('ConfigMap').get('shelfmark-config')!['data'] as Record<string, string>;
    const shutdownMs = Number(config['SHELFMARK_SHUTDOWN_TIMEOUT_MS']);
    for (const deployment of deployments.values()) {
      const pod = ((deployment['spec'] as Obj)['template'] as Obj)['spec'] as Obj;
      const [container] = containersOf(deployment);
      const pause = Number(
        ((container!['lifecycle'] as Obj)['preStop'] as { exec: { command: string[] } }).exec.command[1],
      );
      expect(pause * 1000 + shutdownMs).toBeLessThan(Number(pod['terminationGracePeriodSeconds']) * 1000);
    }
  });

  it('autoscales the router and the stateless subgraphs, and budgets disruptions for every Deployment', () => {
    const hpas = named('HorizontalPodAutoscaler');
    expect([...hpas.keys()].sort()).toEqual(['router', ...STATELESS_SUBGRAPHS].sort());
    for (const hpa of hpas.values()) {
      const target = (hpa['spec'] as Obj)['scaleTargetRef'] as Obj;
      expect(deployments.has(target['name'] as string)).toBe(true);
    }
    const budgets = [...named('PodDisruptionBudget').values()];
    for (const deployment of deployments.values()) {
      const labels = (((deployment['spec'] as Obj)['template'] as Obj)['metadata'] as Obj)['labels'] as Obj;
      const covering = budgets.filter((budget) =>
        Object.entries(((budget['spec'] as Obj)['selector'] as Obj)['matchLabels'] as Obj).every(
          ([key, value]) => labels[key] === value,
        ),
      );
      expect(covering).toHaveLength(1);
    }
  });

  it('finds every configuration key and Service that the processes are given', () => {
    const config = named('ConfigMap').get('shelfmark-config')!['data'] as Obj;
    const secret = named('Secret').get('shelfmark-secrets');
    const services = named('Service');
    for (const deployment of deployments.values()) {
      const [container] = containersOf(deployment);
      for (const variable of container!['env'] as Obj[]) {
        const from = variable['valueFrom'] as Obj | undefined;
        const configKey = from?.['configMapKeyRef'] as Obj | undefined;
        if (configKey) expect(Object.keys(config)).toContain(configKey['key']);
        const secretKey = from?.['secretKeyRef'] as Obj | undefined;
        // Production's Secret is made outside git; the dev overlay's placeholders carry every required key.
        if (secretKey && secret && !secretKey['optional']) {
          expect(Object.keys(secret['stringData'] as Obj)).toContain(secretKey['key']);
        }
        const url = /^http:\/\/([a-z]+):(\d+)\/graphql$/.exec(
          (variable['value'] as string | undefined) ?? '',
        );
        if (url) {
          const ports = (services.get(url[1]!)?.['spec'] as Obj | undefined)?.['ports'] as Obj[] | undefined;
          expect(ports?.map((port) => port['port'])).toContain(Number(url[2]));
        }
      }
    }
    expect(overlay === 'prod' ? secret : secret?.metadata.name).toBe(
      overlay === 'prod' ? undefined : 'shelfmark-secrets',
    );
  });

  it('puts the router behind an Ingress that keeps WebSocket and SSE streams open', () => {
    const [ingress, ...others] = named('Ingress').values();
    expect(others).toHaveLength(0);
    expect(ingress!.metadata['annotations']).toMatchObject({
      'nginx.ingress.kubernetes.io/proxy-read-timeout': '3600',
      'nginx.ingress.kubernetes.io/proxy-send-timeout': '3600',
      'nginx.ingress.kubernetes.io/proxy-buffering': 'off',
    });
    const backend = JSON.stringify((ingress!['spec'] as Obj)['rules']);
    expect(backend).toContain('"name":"router"');
    expect(named('Service').get('router')).toBeDefined();
  });
});
