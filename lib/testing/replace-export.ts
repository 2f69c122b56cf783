import { afterAll, beforeAll, vi, type MockInstance } from "vitest";

/**
 * Replaces one function a module exports, for the rest of the test file, and puts it back after.
 * A spy on the module's exports rather than vi.mock: a file that mocks a module needs a process of
 * its own (vitest.config.mts), and then pays for importing Next and the app again.
 */
export function replaceExportForFile<Module extends object, Name extends keyof Module & string>(
  module: Module,
  name: Name,
  implementation: Module[Name] extends (...args: infer A) => infer R ? (...args: A) => R : never,
): void {
  let spy: MockInstance | undefined;
  beforeAll(() => {
    // A module's exports typed as a plain object: vi.spyOn's overloads cannot infer from a generic one.
    spy = vi.spyOn(module as Record<string, (...args: unknown[]) => unknown>, name).mockImplementation(implementation as (...args: unknown[]) => unknown);
  });
  afterAll(() => spy?.mockRestore());
}
