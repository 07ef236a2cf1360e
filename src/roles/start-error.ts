// A start the app refuses (the database at another schema, a token Slack does not accept): main.ts prints the
// message and exits 2. Its own module, so that the receiving thread (src/roles/front.ts) can name it without
// loading the app it leaves to its worker thread.
export class StartError extends Error {}
