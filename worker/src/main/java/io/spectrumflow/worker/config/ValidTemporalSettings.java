package io.spectrumflow.worker.config;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The target is {@code host:port} (or a gRPC target URI such as {@code dns:///host:port}).
 * Violations name the record component, e.g. {@code temporal.target}.
 */
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = TemporalSettingsValidator.class)
public @interface ValidTemporalSettings {
  String message() default "is not valid";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
