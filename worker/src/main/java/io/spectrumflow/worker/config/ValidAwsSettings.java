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
 * The region is an AWS region name and each endpoint override, when given, an http(s) URL.
 * Violations name the record component, e.g. {@code aws.s3Endpoint}.
 */
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = AwsSettingsValidator.class)
public @interface ValidAwsSettings {
  String message() default "is not valid";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
