package io.spectrumflow.worker.config;

import io.spectrumflow.activities.aws.AwsSettings;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.net.URI;
import java.util.regex.Pattern;

/** Checks {@link AwsSettings}, which lives in a module without Bean Validation. */
public final class AwsSettingsValidator
    implements ConstraintValidator<ValidAwsSettings, AwsSettings> {

  /** us-east-1, eu-central-2, us-gov-west-1, cn-north-1, ap-southeast-4 ... */
  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

  @Override
  public boolean isValid(AwsSettings aws, ConstraintValidatorContext context) {
    if (aws == null) {
      return true; // @NotNull says so where the section is required
    }
    PropertyViolations violations = new PropertyViolations(context);
    if (aws.region() == null || aws.region().isBlank()) {
      violations.add("region", "must be set to an AWS region such as us-east-1");
    } else if (!REGION.matcher(aws.region()).matches()) {
      violations.add(
          "region", "'" + aws.region() + "' is not an AWS region name such as us-east-1");
    }
    endpoint(violations, "s3Endpoint", aws.s3Endpoint());
    endpoint(violations, "glueEndpoint", aws.glueEndpoint());
    endpoint(violations, "redshiftDataEndpoint", aws.redshiftDataEndpoint());
    endpoint(violations, "redshiftEndpoint", aws.redshiftEndpoint());
    return violations.none();
  }

  private static void endpoint(PropertyViolations violations, String property, URI endpoint) {
    if (endpoint == null) {
      return;
    }
    String scheme = endpoint.getScheme();
    boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    if (!http || endpoint.getHost() == null) {
      violations.add(
          property,
          "'"
              + endpoint
              + "' is not an http(s) URL such as http://127.0.0.1:9000; leave it out to use"
              + " AWS's own endpoint");
    }
  }
}
