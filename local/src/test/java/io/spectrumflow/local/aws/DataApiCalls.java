package io.spectrumflow.local.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.redshiftdata.RedshiftDataClient;
import software.amazon.awssdk.services.redshiftdata.model.DescribeStatementResponse;
import software.amazon.awssdk.services.redshiftdata.model.Field;
import software.amazon.awssdk.services.redshiftdata.model.GetStatementResultResponse;
import software.amazon.awssdk.services.redshiftdata.model.StatusString;

/** Statements through the Data API on one cluster as one database user, waited for. */
record DataApiCalls(RedshiftDataClient data, String cluster, String dbUser) {

  String execute(String sql) {
    return data.executeStatement(
            b -> b.clusterIdentifier(cluster).database("dev").dbUser(dbUser).sql(sql))
        .id();
  }

  DescribeStatementResponse await(String id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    DescribeStatementResponse described = data.describeStatement(b -> b.id(id));
    while (!List.of(StatusString.FINISHED, StatusString.FAILED, StatusString.ABORTED)
        .contains(described.status())) {
      assertThat(System.nanoTime()).as("statement %s still running", id).isLessThan(deadline);
      Thread.sleep(10);
      described = data.describeStatement(b -> b.id(id));
    }
    return described;
  }

  DescribeStatementResponse run(String sql) throws InterruptedException {
    DescribeStatementResponse described = await(execute(sql));
    assertThat(described.status())
        .as("%s: %s", sql, described.error())
        .isEqualTo(StatusString.FINISHED);
    return described;
  }

  String failure(String sql) throws InterruptedException {
    DescribeStatementResponse described = await(execute(sql));
    assertThat(described.status()).as(sql).isEqualTo(StatusString.FAILED);
    return described.error();
  }

  List<List<Field>> rows(String sql) throws InterruptedException {
    String id = run(sql).id();
    List<List<Field>> records = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      GetStatementResultResponse page = data.getStatementResult(b -> b.id(id).nextToken(next));
      records.addAll(page.records());
      token = page.nextToken();
    } while (token != null);
    return records;
  }

  long count(String sql) throws InterruptedException {
    return rows(sql).get(0).get(0).longValue();
  }
}
