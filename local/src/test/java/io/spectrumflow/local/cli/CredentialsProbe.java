package io.spectrumflow.local.cli;

/**
 * Runs the launcher's entry point and, as the process exits, prints the access key system property
 * the default credential chain would answer with first.
 */
public final class CredentialsProbe {

  private CredentialsProbe() {}

  public static void main(String[] args) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () ->
                    System.out.println(
                        "\naws.accessKeyId=" + System.getProperty("aws.accessKeyId"))));
    LocalMain.main(args);
  }
}
