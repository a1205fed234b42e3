import { checkMaskPaths, validateAppBody, type AppRequestKind } from './app-validation';
import type { AppStore } from './apps';
import type { Tokens } from './auth';
import { sinchError } from './errors';
import { json, parseJson, type Reply } from './http-io';
import type { JsonObject, RequestLogEntry } from './types';

export interface ApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  rawBody: string;
  /** The log entry, to record unknown and read-only fields on. */
  entry: RequestLogEntry;
}

export interface ApiState {
  projectId: string;
  otherProjects: ReadonlySet<string>;
  tokens: Tokens;
  apps: AppStore;
}

const APPS_PATH = /^\/v1\/projects\/([^/]+)\/apps(?:\/([^/]+))?$/;

type Operation = 'create' | 'list' | 'get' | 'update' | 'delete';

const OPERATIONS: Record<'collection' | 'item', Record<string, Operation>> = {
  collection: { POST: 'create', GET: 'list' },
  item: { GET: 'get', PATCH: 'update', DELETE: 'delete' },
};

/**
 * The App endpoints under /v1/projects/{project}/apps. Order of checks as a gateway would: route (anything else,
 * e.g. a base URL with a region prefix the emulator does not serve, is 404), then authentication, then the project, then the operation.
 */
export function handleApi(request: ApiRequest, state: ApiState): Reply {
  const match = APPS_PATH.exec(request.path);
  const appId = match?.[2] === undefined ? undefined : decodeSegment(match[2]);
  const operation = match ? OPERATIONS[appId === undefined ? 'collection' : 'item'][request.method] : undefined;
  if (!match || !operation) return sinchError(404, `No such API resource: ${request.method} ${request.path}`);

  const auth = state.tokens.authenticate(request.headers.authorization);
  if (!auth.ok) return auth.reply;

  const projectId = decodeSegment(match[1]);
  if (state.otherProjects.has(projectId)) {
    return sinchError(403, `The access key is not allowed to access project ${projectId}`);
  }
  if (projectId !== state.projectId) return sinchError(404, `Project ${projectId} not found`);

  const notFound = (): Reply => sinchError(404, `App ${appId ?? ''} not found`);
  switch (operation) {
    case 'list':
      return json(200, { apps: state.apps.list() });
    case 'get':
      return withApp(state.apps.get(appId as string), notFound);
    case 'delete':
      return state.apps.delete(appId as string) ? json(200, {}) : notFound();
    case 'create': {
      const body = validBody(request, 'create');
      return 'reply' in body ? body.reply : json(200, state.apps.create(body.value));
    }
    case 'update': {
      if (!state.apps.get(appId as string)) return notFound();
      const mask = updateMask(request.query);
      const maskIssues = checkMaskPaths(mask ?? []);
      if (maskIssues.length > 0) return sinchError(400, maskIssues.join('; '));
      const body = validBody(request, 'update');
      return 'reply' in body ? body.reply : withApp(state.apps.update(appId as string, body.value, mask), notFound);
    }
  }
}

/** A malformed escape cannot name an existing project or app; keep it as is so it simply is not found. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function withApp(app: object | undefined, notFound: () => Reply): Reply {
  return app ? json(200, app) : notFound();
}

/** Parses and validates a create or update body, recording unknown and read-only fields on the log entry. */
function validBody(request: ApiRequest, kind: AppRequestKind): { value: JsonObject } | { reply: Reply } {
  const parsed = request.rawBody.trim() === '' ? { ok: true as const, value: {} } : parseJson(request.rawBody);
  if (!parsed.ok) return { reply: sinchError(400, 'request body: invalid JSON') };
  const result = validateAppBody(kind, parsed.value);
  if (result.unknownFields.length > 0) request.entry.unknownFields = result.unknownFields;
  if (result.readOnlyFields.length > 0) request.entry.readOnlyFields = result.readOnlyFields;
  return result.ok ? { value: result.value } : { reply: sinchError(400, `Invalid argument: ${result.issues.join('; ')}`) };
}

/** update_mask=a,b, update_mask repeated, or update_mask.paths (the FieldMask's own field name) in either form. */
function updateMask(query: URLSearchParams): string[] | undefined {
  const paths = [...query.getAll('update_mask'), ...query.getAll('update_mask.paths')]
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');
  return paths.length > 0 ? paths : undefined;
}
