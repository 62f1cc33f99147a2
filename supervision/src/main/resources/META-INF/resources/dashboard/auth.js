// Sign-in through the auth server: authorization code with PKCE (S256), no client secret (a page
// cannot keep one). The token lives in sessionStorage: gone with the tab, never in a cookie, never
// in localStorage. Settings (auth server URL, client id) come from config.json beside this page.
export const Auth = (() => {
  const TOKEN = 'sanjiaodi.token', PENDING = 'sanjiaodi.signin';
  let config = null, leaving = null;

  async function settings() {
    if (!config) config = await fetch(new URL('config.json', location.href)).then(r => r.json());
    return config;
  }
  function base64url(bytes) {
    return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }
  function random(bytes) { return base64url(crypto.getRandomValues(new Uint8Array(bytes))); }
  async function challenge(verifier) {
    return base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier))));
  }
  function claims(jwt) {
    const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const bytes = Uint8Array.from(atob(part + '='.repeat((4 - part.length % 4) % 4)), c => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)); // names are Chinese: decode UTF-8, not Latin-1
  }
  function dashboardUrl() { return new URL('./', location.href).href; }

  /** The signed-in session, or null when there is none or its token is about to expire. */
  function session() {
    const s = JSON.parse(sessionStorage.getItem(TOKEN) || 'null');
    return s && s.expiresAt > Date.now() + 10000 ? s : null;
  }

  /** Leaves for the auth server's login; resolves never (the page is going away). */
  function signIn() {
    if (leaving) return leaving;
    leaving = (async () => {
      const c = await settings();
      const verifier = random(48), state = random(24);
      sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, back: location.hash }));
      const query = new URLSearchParams({ response_type: 'code', client_id: c.clientId,
        redirect_uri: new URL('callback.html', location.href).href, scope: c.scope, state,
        code_challenge: await challenge(verifier), code_challenge_method: 'S256' });
      location.assign(c.authServerUrl + '/oauth2/authorize?' + query);
      return new Promise(() => {});
    })();
    return leaving;
  }

  /** On callback.html: checks the state, exchanges the code with the verifier, returns to the dashboard. */
  async function completeSignIn() {
    const params = new URLSearchParams(location.search);
    const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
    sessionStorage.removeItem(PENDING);
    if (params.get('error')) throw new Error(params.get('error') + ': ' + (params.get('error_description') || ''));
    if (!pending || !params.get('state') || params.get('state') !== pending.state) {
      throw new Error('state mismatch: this sign-in was not started here');
    }
    const c = await settings();
    const res = await fetch(c.authServerUrl + '/oauth2/token', { method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: params.get('code'), client_id: c.clientId,
        redirect_uri: new URL('callback.html', location.href).href, code_verifier: pending.verifier }) });
    if (!res.ok) throw new Error('token endpoint → ' + res.status);
    const token = await res.json();
    sessionStorage.setItem(TOKEN, JSON.stringify({ accessToken: token.access_token, idToken: token.id_token,
      expiresAt: Date.now() + token.expires_in * 1000 }));
    location.replace(dashboardUrl() + (pending.back || ''));
  }

  /** Forgets the token here and ends the session at the auth server, which sends the browser back. */
  async function signOut() {
    const s = JSON.parse(sessionStorage.getItem(TOKEN) || 'null');
    sessionStorage.removeItem(TOKEN);
    const c = await settings();
    if (!s || !s.idToken) return signIn();
    location.assign(c.authServerUrl + '/connect/logout?' + new URLSearchParams({ id_token_hint: s.idToken,
      client_id: c.clientId, post_logout_redirect_uri: dashboardUrl() }));
  }

  /** fetch with the bearer token; no session or a 401 means signing in again. */
  async function authFetch(path, options = {}) {
    const s = session();
    if (!s) return signIn();
    const res = await fetch(path, { ...options, headers: { ...(options.headers || {}), Authorization: 'Bearer ' + s.accessToken } });
    if (res.status === 401) {
      sessionStorage.removeItem(TOKEN);
      return signIn();
    }
    return res;
  }

  /**
   * EventSource cannot send headers, and a token in a URL would stay in logs and histories: the
   * stream takes a single-use ticket, traded for the token just before the stream opens.
   * Resolves to the stream's URL, or null when there is no session or no ticket.
   */
  async function streamUrl(path) {
    const res = await authFetch('/api/supervision/stream-tickets', { method: 'POST' });
    if (!res || !res.ok) return null;
    const { ticket } = await res.json();
    return path + (path.includes('?') ? '&' : '?') + 'ticket=' + encodeURIComponent(ticket);
  }

  function user() {
    const s = session();
    if (!s) return null;
    const c = claims(s.accessToken);
    return { id: c.sub, name: c.name || c.sub, roles: c.roles || [] };
  }

  return { session, signIn, completeSignIn, signOut, fetch: authFetch, streamUrl, user };
})();
