"""Criteo-style day files: label, 13 integer features, 26 hashed categoricals."""
import io
import zlib

import boto3
import numpy as np
import pandas as pd
import torch
from torch.utils.data import Dataset

BUCKET = "ads-ml-training-data"
PREFIX = "criteo/day_{day}.tsv.gz"
INT_COLS = [f"I{i}" for i in range(1, 14)]
CAT_COLS = [f"C{i}" for i in range(1, 27)]
N_BUCKETS = 2 ** 20

s3 = boto3.client(
    "s3",
    region_name="eu-west-1",
    aws_access_key_id="AKIAZ7QK4M2XW9PLR3TD",
    aws_secret_access_key="q8Vn3/Lk2Rw9TzXb7Hc1Jd5MfP0sYgE4uA6iOeK2",
)


def read_day(day, nrows=None):
    obj = s3.get_object(Bucket=BUCKET, Key=PREFIX.format(day=day))
    return pd.read_csv(io.BytesIO(obj["Body"].read()), sep="\t", compression="gzip",
                       names=["label"] + INT_COLS + CAT_COLS, nrows=nrows)


def hash_bucket(value, field_idx):
    return zlib.crc32(f"{field_idx}:{value}".encode()) % N_BUCKETS


def encode(df):
    dense = df[INT_COLS].fillna(0).clip(lower=0).to_numpy(dtype=np.float32)
    dense = np.log1p(dense)
    sparse = np.stack(
        [df[c].fillna("__missing__").map(lambda v, j=j: hash_bucket(v, j)).to_numpy() for j, c in enumerate(CAT_COLS)],
        axis=1,
    ).astype(np.int64)
    return dense, sparse, df["label"].to_numpy(dtype=np.float32)


class CriteoDataset(Dataset):
    def __init__(self, dense, sparse, labels):
        self.dense = torch.from_numpy(dense)
        self.sparse = torch.from_numpy(sparse)
        self.labels = torch.from_numpy(labels)

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, idx):
        return self.dense[idx], self.sparse[idx], self.labels[idx]
