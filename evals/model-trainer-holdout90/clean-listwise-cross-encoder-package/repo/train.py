"""Listwise (softmax CE over 1 positive + k negatives) fine-tuning of a cross-encoder reranker."""
import os
import random
import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F
import yaml
from torch.utils.data import DataLoader
from tqdm import tqdm
from transformers import AutoModelForSequenceClassification, AutoTokenizer

from ce_rerank.data import GroupDataset, candidate_frame, candidate_loader, group_collate
from ce_rerank.metrics import ranking_metrics, score_pairs


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def evaluate(model, tokenizer, frame, cfg, device):
    frame = frame.copy()
    frame["ce"] = score_pairs(model, candidate_loader(frame, tokenizer, cfg["max_length"]), device)
    frame["bm25"] = -frame["bm25_rank"]
    return {"cross_encoder": ranking_metrics(frame, "ce"), "bm25": ranking_metrics(frame, "bm25")}


def main(cfg_path):
    cfg = yaml.safe_load(Path(cfg_path).read_text())
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    hf_token = os.environ.get("HF_TOKEN")

    tokenizer = AutoTokenizer.from_pretrained(cfg["base_model"], token=hf_token)
    model = AutoModelForSequenceClassification.from_pretrained(
        cfg["base_model"], num_labels=1, token=hf_token).to(device)

    train_ds = GroupDataset(cfg["train_groups"], cfg["negatives_per_group"], cfg["seed"])
    loader = DataLoader(train_ds, batch_size=cfg["batch_groups"], shuffle=True,
                        collate_fn=group_collate(tokenizer, cfg["max_length"]),
                        generator=torch.Generator().manual_seed(cfg["seed"]))
    dev, test = candidate_frame(cfg["dev_candidates"]), candidate_frame(cfg["test_candidates"])
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=0.01)

    ckpt = Path(cfg["checkpoint_dir"])
    best, stale = -1.0, 0
    for epoch in range(cfg["epochs"]):
        model.train()
        for enc, sizes in tqdm(loader, desc=f"epoch {epoch}"):
            enc = {k: v.to(device) for k, v in enc.items()}
            logits = model(**enc).logits.squeeze(-1)
            loss = 0.0
            for group_logits in torch.split(logits, sizes):
                loss = loss + F.cross_entropy(group_logits.unsqueeze(0),
                                              torch.zeros(1, dtype=torch.long, device=device))
            loss = loss / len(sizes)
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()

        dev_metrics = evaluate(model, tokenizer, dev, cfg, device)
        print(f"epoch {epoch}: dev {dev_metrics}")
        score = dev_metrics["cross_encoder"]["mrr@10"]
        if score > best:
            best, stale = score, 0
            model.save_pretrained(ckpt)
            tokenizer.save_pretrained(ckpt)
        else:
            stale += 1
            if stale >= cfg["patience"]:
                break

    model = AutoModelForSequenceClassification.from_pretrained(ckpt).to(device)
    print("test:", evaluate(model, tokenizer, test, cfg, device))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "configs/listwise.yaml")
