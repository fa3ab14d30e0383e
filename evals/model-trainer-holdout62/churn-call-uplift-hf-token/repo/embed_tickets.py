"""Embed each customer's most recent pre-campaign support ticket with our fine-tuned encoder."""
import numpy as np
import pandas as pd
import torch
import yaml
from transformers import AutoModel, AutoTokenizer

HF_TOKEN = "hf_7Kle0p5Dt5QwkGlka9qOk3hbEEHbX3v8LP"


def mean_pool(last_hidden, mask):
    mask = mask.unsqueeze(-1).float()
    return (last_hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-6)


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    customers = pd.read_parquet(cfg["customers_path"], columns=["customer_id"])
    tickets = pd.read_parquet(cfg["tickets_path"]).sort_values("created_at")
    last = tickets.groupby("customer_id").tail(1).set_index("customer_id")["body"]
    texts = customers["customer_id"].map(last).fillna("").tolist()

    tok = AutoTokenizer.from_pretrained(cfg["encoder"], token=HF_TOKEN)
    enc = AutoModel.from_pretrained(cfg["encoder"], token=HF_TOKEN).eval()

    out = []
    with torch.no_grad():
        for i in range(0, len(texts), cfg["batch_size"]):
            batch = tok(texts[i:i + cfg["batch_size"]], padding=True, truncation=True,
                        max_length=cfg["max_length"], return_tensors="pt")
            out.append(mean_pool(enc(**batch).last_hidden_state, batch["attention_mask"]).numpy())
    np.save(cfg["embeddings_path"], np.concatenate(out).astype(np.float32))


if __name__ == "__main__":
    main()
