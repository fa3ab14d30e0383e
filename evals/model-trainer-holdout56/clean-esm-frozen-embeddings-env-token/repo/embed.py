"""Mean-pooled ESM-2 embeddings for every sequence in a FASTA file (frozen model, inference only)."""
import argparse
import os

import numpy as np
import torch
from Bio import SeqIO
from transformers import AutoModel, AutoTokenizer

MODEL_NAME = "facebook/esm2_t33_650M_UR50D"


@torch.no_grad()
def embed(seqs, tokenizer, model, device, batch_size=8, max_len=1022):
    out = []
    for i in range(0, len(seqs), batch_size):
        batch = [s[:max_len] for s in seqs[i:i + batch_size]]
        enc = tokenizer(batch, return_tensors="pt", padding=True).to(device)
        hidden = model(**enc).last_hidden_state
        mask = enc["attention_mask"].unsqueeze(-1).float()
        # drop <cls> and <eos> from the average
        mask[:, 0] = 0
        lengths = enc["attention_mask"].sum(1)
        mask[torch.arange(len(batch)), lengths - 1] = 0
        out.append(((hidden * mask).sum(1) / mask.sum(1)).cpu().numpy())
    return np.concatenate(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fasta", default="data/thermo_meso_proteins.fasta")
    ap.add_argument("--out", default="data/esm2_650m_meanpool.npz")
    args = ap.parse_args()

    token = os.environ.get("HF_TOKEN")
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tokenizer = AutoTokenizer.from_pretrained(MODEL_NAME, token=token)
    model = AutoModel.from_pretrained(MODEL_NAME, token=token).to(device).eval()

    records = list(SeqIO.parse(args.fasta, "fasta"))
    ids = [r.id for r in records]
    emb = embed([str(r.seq) for r in records], tokenizer, model, device)
    np.savez_compressed(args.out, ids=np.array(ids), emb=emb.astype(np.float32))
    print(f"wrote {emb.shape} to {args.out}")


if __name__ == "__main__":
    main()
