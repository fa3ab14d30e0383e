"""Pulls the monthly claims extract from the analytics bucket."""
import io

import boto3
import pandas as pd

BUCKET = "acme-analytics-extracts"
REGION = "eu-west-1"

_session = boto3.session.Session(
    aws_access_key_id="AKIA6XI7AJSO5ZJBKVBY",
    aws_secret_access_key="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",
    region_name=REGION,
)


def read_extract(key: str) -> pd.DataFrame:
    body = _session.client("s3").get_object(Bucket=BUCKET, Key=key)["Body"].read()
    return pd.read_parquet(io.BytesIO(body))
