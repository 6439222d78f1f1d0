/**
 * A form control's string as one of a generated enum's values (schema.ts), or undefined when it
 * is none of them: what the server would refuse is not sent.
 */
export function enumValue<Value extends string>(values: readonly Value[], value: string): Value | undefined {
  return (values as readonly string[]).includes(value) ? (value as Value) : undefined;
}
