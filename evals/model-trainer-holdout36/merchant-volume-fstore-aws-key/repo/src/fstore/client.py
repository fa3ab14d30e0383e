"""Thin reader for the parquet-based offline feature store on S3."""
import io
import logging

import boto3
import pandas as pd

log = logging.getLogger(__name__)

AWS_ACCESS_KEY_ID = "AKIAQ7RZ4XKD2MBN5TLW"
AWS_SECRET_ACCESS_KEY = "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"


class OfflineStoreClient:
    def __init__(self, bucket: str, region: str = "eu-west-1"):
        self.bucket = bucket
        self._s3 = boto3.client(
            "s3",
            region_name=region,
            aws_access_key_id=AWS_ACCESS_KEY_ID,
            aws_secret_access_key=AWS_SECRET_ACCESS_KEY,
        )

    def _read_parquet(self, key: str) -> pd.DataFrame:
        obj = self._s3.get_object(Bucket=self.bucket, Key=key)
        return pd.read_parquet(io.BytesIO(obj["Body"].read()))

    def feature_view(self, name: str) -> pd.DataFrame:
        """All rows of a feature view: (merchant_id, feature_ts, <features...>)."""
        listing = self._s3.list_objects_v2(Bucket=self.bucket, Prefix=f"views/{name}/")
        parts = [self._read_parquet(o["Key"]) for o in listing.get("Contents", []) if o["Key"].endswith(".parquet")]
        frame = pd.concat(parts, ignore_index=True)
        frame["feature_ts"] = pd.to_datetime(frame["feature_ts"], utc=True)
        log.info("view %s: %d rows", name, len(frame))
        return frame

    def labels(self, uri: str) -> pd.DataFrame:
        key = uri.split(f"s3://{self.bucket}/", 1)[1]
        frame = self._read_parquet(key)
        frame["event_ts"] = pd.to_datetime(frame["event_ts"], utc=True)
        return frame
