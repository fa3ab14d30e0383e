"""Encode every ticket once with a frozen encoder and store the vectors next to the ids."""
import argparse

import numpy as np
import pandas as pd
from sentence_transformers import SentenceTransformer


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tickets", default="data/tickets.csv")
    ap.add_argument("--model", default="sentence-transformers/all-mpnet-base-v2")
    ap.add_argument("--out", default="data/ticket_embeddings.npz")
    args = ap.parse_args()

    df = pd.read_csv(args.tickets)
    text = (df["subject"].fillna("") + ". " + df["body"].fillna("")).tolist()
    model = SentenceTransformer(args.model)
    emb = model.encode(text, batch_size=64, normalize_embeddings=True, show_progress_bar=True)
    np.savez_compressed(args.out, ids=df["ticket_id"].values, emb=emb.astype(np.float32),
                        label=df["queue"].values)


if __name__ == "__main__":
    main()
