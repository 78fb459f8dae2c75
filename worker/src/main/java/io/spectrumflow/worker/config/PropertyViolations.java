package io.spectrumflow.worker.config;

import jakarta.validation.ConstraintValidatorContext;

/**
 * Violations reported against a property of the validated value, so that start-up names the full
 * key ({@code aws.region}) rather than the section.
 */
final class PropertyViolations {

  private final ConstraintValidatorContext context;
  private boolean any;

  PropertyViolations(ConstraintValidatorContext context) {
    this.context = context;
    context.disableDefaultConstraintViolation();
  }

  /** Reports {@code message} against {@code property}; the message may quote the bad value. */
  void add(String property, String message) {
    any = true;
    context
        .buildConstraintViolationWithTemplate(literal(message))
        .addPropertyNode(property)
        .addConstraintViolation();
  }

  boolean none() {
    return !any;
  }

  /** Message templates interpolate braces and {@code $}; a quoted value must not be evaluated. */
  private static String literal(String message) {
    return message
        .replace("\\", "\\\\")
        .replace("{", "\\{")
        .replace("}", "\\}")
        .replace("$", "\\$");
  }
}
