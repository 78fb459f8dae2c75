#!/bin/sh
# Creates the lake bucket once MinIO answers; run by the minio-bucket service (minio/mc).
set -eu
until mc alias set lake http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null; do
  echo "waiting for MinIO..."
  sleep 1
done
mc mb --ignore-existing "lake/$SPECTRUMFLOW_BUCKET"
