package io.spectrumflow.local.aws.contract;

/**
 * One request member that breaks a rule of its operation's AWS service model.
 *
 * @param operation e.g. {@code glue.BatchDeletePartition}
 * @param path the member as AWS's validator names it, e.g. {@code partitionsToDelete} or {@code
 *     tableInput.storageDescriptor.columns.3.member.name}
 * @param rule the broken rule in AWS's words, e.g. {@code Member must have length less than or
 *     equal to 25}
 * @param value the offending value as text, or null when the member is missing
 */
public record ContractViolation(String operation, String path, String rule, String value) {

  /** How the validator's type rules begin, e.g. {@code Member must be a string}. */
  static final String TYPE_RULE = "Member must be ";

  private static final int MAX_VALUE_CHARS = 300;

  /**
   * AWS's wording of one error: {@code Value '...' at 'path' failed to satisfy constraint: rule}.
   */
  public String message() {
    String shown =
        value == null
            ? "null"
            : "'"
                + (value.length() > MAX_VALUE_CHARS
                    ? value.substring(0, MAX_VALUE_CHARS) + "..."
                    : value)
                + "'";
    return "Value " + shown + " at '" + path + "' failed to satisfy constraint: " + rule;
  }

  /**
   * A value of the wrong JSON type, which AWS answers with a {@code SerializationException}, not a
   * validation error.
   */
  public boolean typeMismatch() {
    return rule.startsWith(TYPE_RULE);
  }

  @Override
  public String toString() {
    return operation + ": " + message();
  }
}
