package io.spectrumflow.local.aws;

import io.spectrumflow.local.aws.contract.ServiceModels;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.InvalidInputException;
import software.amazon.awssdk.services.glue.model.ValidationException;

/**
 * What Glue answers for a request its service model refuses (a required member missing, a list too
 * long): {@code ValidationException} from the stand-in's contract check where botocore's models are
 * installed, as AWS's own validator answers; else the stand-in's own {@code InvalidInputException},
 * with the same wording.
 */
final class ModelRefusal {

  private ModelRefusal() {}

  static Class<? extends GlueException> glue() {
    return ServiceModels.shared().isPresent()
        ? ValidationException.class
        : InvalidInputException.class;
  }
}
