/**
 * A local stand-in for AWS Glue and the Redshift Data API, speaking AWS JSON 1.1 on one port so
 * that production code and other clients (AWS CLI, other SDKs) run against it with only an endpoint
 * override. Start it with {@link io.spectrumflow.local.aws.AwsStandIn#start} or run {@link
 * io.spectrumflow.local.aws.AwsStandIn#main} (environment: STANDIN_HOST, STANDIN_PORT = 4566,
 * STANDIN_DATA_DIR, S3_ENDPOINT, AWS_REGION; S3 credentials from the default chain).
 *
 * <p>Data directory:
 *
 * <pre>
 * glue/&lt;db&gt;/database.json                              the Glue catalog, one JSON file per object
 * glue/&lt;db&gt;/tables/&lt;table&gt;/table.json, versions/, partitions/
 * redshift/databases/&lt;name&gt;/&lt;name&gt;.duckdb               a Redshift database (created on first use)
 * redshift/databases/&lt;name&gt;/external-schemas.json       its external schemas -> Glue databases
 * redshift/s3-cache/&lt;bucket&gt;/&lt;sha-256 of key&gt;/&lt;etag&gt;.parquet   objects Spectrum queries read
 * </pre>
 *
 * <p>Known differences from the real services:
 *
 * <ul>
 *   <li>Signatures, IAM permissions and Lake Formation are not checked; IAM_ROLE only has to look
 *       like a role ARN (or {@code default}) unless a {@link
 *       io.spectrumflow.local.aws.redshift.sql.RoleAssociation} says otherwise.
 *   <li>One Glue catalog (account {@code 000000000000}) and one "cluster": every ClusterIdentifier
 *       and WorkgroupName reaches the same databases, which are created on first use.
 *   <li>SQL is DuckDB's dialect, close to Redshift's for SELECT, GROUP BY, ORDER BY, WHERE IN;
 *       result types follow DuckDB (e.g. {@code sum(int)} is numeric, not int8).
 *   <li>Statements and their results live in memory for 24 hours: a restart forgets them.
 *   <li>A batch runs in one transaction only when none of its statements touches an external
 *       schema; otherwise a failure does not roll back the statements before it.
 *   <li>A query that names {@code "$path"} or {@code "$size"} also gets them from {@code SELECT *}.
 *   <li>Spectrum views read Parquet only; sessions (SessionId), GetStatementResultV2 (CSV) and
 *       crawlers are not implemented yet.
 * </ul>
 */
package io.spectrumflow.local.aws;
