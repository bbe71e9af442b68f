/** Exhaustiveness check for `kind` unions: a new member is a compile error where it is not handled. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
