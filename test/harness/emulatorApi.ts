import type { IDataObject } from 'n8n-workflow';

/** What a request straight to an emulator needs: its project and key (an Emulator, or its /_emulator/info). */
export interface EmulatorKey {
	url: string;
	projectId: string;
	keyId: string;
	keySecret: string;
}

/**
 * A request straight to an emulator's API with Basic auth (not through the node), at its root or at `baseUrl` (one
 * region's URL), answering the status and the parsed body.
 */
export async function emulatorRequest(
	emu: EmulatorKey,
	method: string,
	path: string,
	body?: object,
	baseUrl = emu.url,
): Promise<{ status: number; body: IDataObject }> {
	const response = await fetch(`${baseUrl}/v1/projects/${emu.projectId}${path}`, {
		method,
		headers: {
			'content-type': 'application/json',
			authorization: `Basic ${Buffer.from(`${emu.keyId}:${emu.keySecret}`).toString('base64')}`,
		},
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: (text ? JSON.parse(text) : {}) as IDataObject };
}

/** As emulatorRequest, for setting up what a test needs: fails the test unless the emulator answers 200. */
export async function emulatorApi(
	emu: EmulatorKey,
	method: string,
	path: string,
	body?: object,
): Promise<IDataObject> {
	const answer = await emulatorRequest(emu, method, path, body);
	if (answer.status !== 200)
		throw new Error(`${method} ${path}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
	return answer.body;
}
