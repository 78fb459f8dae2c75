package io.spectrumflow.local.aws.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check over a models folder of its own: what it records, and what it never does. */
class ContractCheckTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static ContractCheck checkOver(Path data, String model) throws Exception {
    Path version = Files.createDirectories(data.resolve("glue/2017-03-31"));
    Files.writeString(version.resolve("service-2.json"), model);
    return new ContractCheck(Optional.of(ServiceModels.at(data)), ContractLedger.standalone());
  }

  @Test
  void recordsEveryCheckedRequestPerOperation(@TempDir Path data) throws Exception {
    ContractCheck check =
        checkOver(
            data,
            """
            {"metadata": {"targetPrefix": "AWSGlue"},
             "operations": {"GetDatabase": {"input": {"shape": "GetDatabaseRequest"}}},
             "shapes": {
               "GetDatabaseRequest": {"type": "structure", "required": ["Name"],
                 "members": {"Name": {"shape": "NameString"}}},
               "NameString": {"type": "string", "min": 1, "max": 255}}}
            """);

    assertThat(check.checkJson("AWSGlue", "GetDatabase", JSON.readTree("{\"Name\":\"db\"}")))
        .isEmpty();
    assertThat(check.checkJson("AWSGlue", "GetDatabase", JSON.readTree("{}"))).hasSize(1);
    // another service's target, or an operation the model lacks: not checked, not counted
    assertThat(check.checkJson("RedshiftData", "GetDatabase", JSON.readTree("{}"))).isEmpty();
    assertThat(check.checkJson("AWSGlue", "GetTable", JSON.readTree("{}"))).isEmpty();

    assertThat(check.ledger().checked()).containsExactly(Map.entry("glue.GetDatabase", 2L));
    assertThat(check.ledger().violations())
        .extracting(ContractViolation::path)
        .containsExactly("name");
    assertThat(check.ledger().summary())
        .contains("2 requests checked in 1 operations, 1 violations")
        .contains("VIOLATION glue.GetDatabase: Value null at 'name'");
  }

  @Test
  void deliberateViolationsAreKeptApartInTheParent() {
    ContractLedger parent = ContractLedger.standalone();
    ContractViolation bad =
        new ContractViolation("glue.GetTable", "name", "Member must not be null", null);
    ContractLedger.childOf(parent).deliberate().record("glue.GetTable", List.of(bad));
    ContractLedger.childOf(parent).record("glue.GetTable", List.of(bad));

    assertThat(parent.violations()).hasSize(2);
    assertThat(parent.unexpectedViolations()).hasSize(1);
    assertThat(parent.summary())
        .contains("glue.GetTable")
        .contains("2 checked    1 violations (+1 deliberate)")
        .contains("1 violations (1 more made on purpose by tests of the refusals)");
  }

  @Test
  void aModelItCannotReadNeverFailsTheRequest(@TempDir Path data) throws Exception {
    ContractCheck check =
        checkOver(
            data,
            """
            {"metadata": {"targetPrefix": "AWSGlue"},
             "operations": {"GetDatabase": {"input": {"shape": "GetDatabaseRequest"}}},
             "shapes": {
               "GetDatabaseRequest": {"type": "structure",
                 "members": {"Name": {"shape": "NoSuchShape"}}}}}
            """);

    assertThat(check.checkJson("AWSGlue", "GetDatabase", JSON.readTree("{\"Name\":\"db\"}")))
        .isEmpty();
    assertThat(check.ledger().checkedTotal()).isZero();
  }

  @Test
  void withoutModelsTheCheckIsOff() throws Exception {
    ContractCheck off = new ContractCheck(Optional.empty(), ContractLedger.standalone());
    assertThat(off.enabled()).isFalse();
    assertThat(off.checkJson("AWSGlue", "GetDatabase", JSON.readTree("{}"))).isEmpty();
    assertThat(off.ledger().checkedTotal()).isZero();
  }
}
