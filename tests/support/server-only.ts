// Stand-in for the "server-only" package under Vitest: server modules are imported directly by tests.
export {};
