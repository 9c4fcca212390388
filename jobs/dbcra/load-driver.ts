// Optional database drivers are imported only when configured, and a missing one says what to
// install instead of a bare "Cannot find package".
export async function loadOptionalDriver<T>(moduleName: string, setting: string, install: string): Promise<T> {
  try {
    const loaded = (await import(moduleName)) as { default?: T } & T;
    return (loaded.default ?? loaded) as T;
  } catch (err) {
    throw new Error(`${setting} needs the optional "${moduleName}" package, which did not load (${(err as Error).message}). ${install}`);
  }
}
