/**
 * Every e2e file starts the whole system (four services, nats-server, sometimes a three-node cluster)
 * in its beforeAll. On a loaded 2-core CI machine that took 120 s once where a quiet one needs 45 s,
 * so hooks and tests get 180 s unless they ask for more; waits inside tests use `eventually`.
 */
jest.setTimeout(180_000);
