"""Embed every paper once with SPECTER (frozen) and cache the vectors.

python embed.py --papers data/s2_papers_pubtypes.parquet --out data/specter_cls.npy
"""
import argparse

import numpy as np
import pandas as pd
import torch
from tqdm import tqdm
from transformers import AutoModel, AutoTokenizer


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--papers", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    papers = pd.read_parquet(args.papers, columns=["corpus_id", "title", "abstract"])
    tok = AutoTokenizer.from_pretrained("allenai/specter")
    model = AutoModel.from_pretrained("allenai/specter")
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model.to(device).eval()

    # SPECTER input format: title [SEP] abstract, CLS vector as the document embedding
    texts = (papers["title"].fillna("") + tok.sep_token + papers["abstract"].fillna("")).tolist()
    chunks = []
    with torch.no_grad():
        for i in tqdm(range(0, len(texts), args.batch_size)):
            enc = tok(texts[i:i + args.batch_size], padding=True, truncation=True,
                      max_length=512, return_tensors="pt").to(device)
            chunks.append(model(**enc).last_hidden_state[:, 0, :].cpu().numpy())
    emb = np.vstack(chunks).astype(np.float32)
    np.save(args.out, emb)
    papers[["corpus_id"]].to_parquet(args.out.replace(".npy", "_ids.parquet"))
    print(emb.shape)


if __name__ == "__main__":
    main()
