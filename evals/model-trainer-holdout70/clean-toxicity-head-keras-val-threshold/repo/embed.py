"""Embed model generations with a frozen sentence encoder (run once, cached to disk)."""
import argparse

import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer

ENCODER = "sentence-transformers/all-mpnet-base-v2"


def embed_file(in_path, out_path, batch_size=128):
    df = pd.read_parquet(in_path)
    encoder = SentenceTransformer(ENCODER)
    vectors = encoder.encode(df["generation"].tolist(), batch_size=batch_size, show_progress_bar=True,
                             convert_to_numpy=True, normalize_embeddings=True)
    np.savez_compressed(out_path, X=vectors.astype(np.float32), y=df["toxic"].to_numpy(dtype=np.int8),
                        ids=df["generation_id"].to_numpy())


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", default="data/generations_labelled.parquet")
    ap.add_argument("--output", default="data/generations_mpnet.npz")
    args = ap.parse_args()
    embed_file(args.input, args.output)
