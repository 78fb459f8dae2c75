#!/bin/sh
# Creates the namespace Spectrumflow runs in and registers its search attributes, once the server
# answers; run by the temporal-namespace service (temporalio/admin-tools). Safe to run again.
# The starter registers missing search attributes itself too; doing it here means runs can carry
# them from the first one on.
set -eu
namespace="${TEMPORAL_NAMESPACE:-default}"
host="${TEMPORAL_ADDRESS%:*}"
port="${TEMPORAL_ADDRESS##*:}"
# the CLI is given the server's IPv4 address: a name that also resolves to IPv6 can fail to connect
address="$(getent ahostsv4 "$host" | awk 'NR == 1 { print $1 }'):$port"

attempt=0
until temporal operator cluster health --address "$address" >/dev/null 2>&1; do
  attempt=$((attempt + 1))
  if [ "$attempt" -ge 60 ]; then
    echo "Temporal at $TEMPORAL_ADDRESS ($address) did not become healthy" >&2
    exit 1
  fi
  sleep 2
done

temporal operator namespace describe --address "$address" --namespace "$namespace" >/dev/null 2>&1 \
  || temporal operator namespace create --address "$address" --namespace "$namespace" --retention 168h

for attribute in SpectrumflowPipeline:Keyword SpectrumflowBatchId:Keyword \
  SpectrumflowPartitionDates:KeywordList SpectrumflowRows:Int; do
  name="${attribute%%:*}"
  type="${attribute#*:}"
  if ! temporal operator search-attribute list --address "$address" --namespace "$namespace" \
    | grep -q "$name"; then
    temporal operator search-attribute create --address "$address" --namespace "$namespace" \
      --name "$name" --type "$type"
  fi
done
echo "namespace $namespace is ready with Spectrumflow's search attributes"
