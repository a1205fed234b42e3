/**
 * The owner account of a local n8n, set up through n8n's REST API so nobody has to fill in the setup form.
 * The login is fixed and printed: this n8n listens on 127.0.0.1 only and holds only development data.
 */
import { randomUUID } from 'node:crypto';

export interface Login {
	email: string;
	/** n8n's rule: 8 to 64 characters with at least one number and one capital letter. */
	password: string;
	firstName: string;
	lastName: string;
}

export const DEV_LOGIN: Login = {
	email: 'dev@example.com',
	password: 'SinchDev-2041',
	firstName: 'Dev',
	lastName: 'Sinch',
};

export interface Session {
	/** The `Cookie` header value for later REST calls. */
	cookie: string;
	/** n8n binds the session to this id: send it as the `browser-id` header with the cookie. */
	browserId: string;
}

export type OwnerOutcome = { created: boolean; session: Session };

async function post(
	baseUrl: string,
	path: string,
	body: unknown,
	headers: Record<string, string> = {},
) {
	const response = await fetch(`${baseUrl}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...headers },
		body: JSON.stringify(body),
	});
	const text = await response.text();
	return { response, text };
}

/**
 * Creates the owner with `login` unless an owner exists, then logs in with it. Throws when an owner exists with
 * another password (someone changed it in the editor), saying so.
 */
export async function ensureOwner(
	baseUrl: string,
	login: Login = DEV_LOGIN,
): Promise<OwnerOutcome> {
	const browserId = randomUUID();
	const setup = await post(
		baseUrl,
		'/rest/owner/setup',
		{
			email: login.email,
			firstName: login.firstName,
			lastName: login.lastName,
			password: login.password,
		},
		{ 'browser-id': browserId },
	);
	// 400 "Instance owner already setup" on every start after the first.
	const created = setup.response.ok;
	if (!created && setup.response.status !== 400) {
		throw new Error(
			`n8n refused the owner setup (HTTP ${setup.response.status}): ${setup.text.slice(0, 500)}`,
		);
	}
	const session = await logIn(baseUrl, login, browserId);
	return { created, session };
}

export async function logIn(
	baseUrl: string,
	login: Login = DEV_LOGIN,
	browserId = randomUUID(),
): Promise<Session> {
	const { response, text } = await post(
		baseUrl,
		'/rest/login',
		{ emailOrLdapLoginId: login.email, password: login.password },
		{ 'browser-id': browserId },
	);
	if (!response.ok) {
		throw new Error(
			`Could not log in to n8n as ${login.email} (HTTP ${response.status}: ${text.slice(0, 200)}). ` +
				'If you changed the owner in the editor, log in with your own account.',
		);
	}
	const cookie = response.headers
		.getSetCookie()
		.map((header) => header.split(';')[0])
		.join('; ');
	return { cookie, browserId };
}
