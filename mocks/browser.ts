export async function startBrowserMockGateway(): Promise<void> {
  // Filled in by the mock gateway work.
}
