/**
 * A `setupFiles` entry of the mongo project: the suites it runs (the same integration suites as
 * SQLite) open their databases on the server in `MONGODB_URL` instead of an SQLite file.
 */
process.env.SHELFMARK_TEST_DATABASE = 'mongodb';
