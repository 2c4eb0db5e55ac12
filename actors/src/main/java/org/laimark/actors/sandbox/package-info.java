/**
 * The sandbox that runs model-written Python: a supervised pool of persistent workers, each one
 * interpreter started once inside bubblewrap that forks one confined child per job, and the trusted
 * side that decides verdicts from exit status, a nonce-checked private result channel and
 * comparisons made outside the child. Entry points: {@link org.laimark.actors.sandbox.Sandbox},
 * {@link org.laimark.actors.sandbox.SandboxService} (blocking, for the CLI) and {@link
 * org.laimark.actors.sandbox.SandboxPool} (to spawn in an existing actor system). The Python side
 * lives in the resources under {@code sandbox/}; docs/sandbox.md has the design and threat model.
 */
package org.laimark.actors.sandbox;
