"""Fine-tune a MiniLM cross-encoder to rerank BM25 top-100 passages."""
import json
import random
import sys
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader
from tqdm import tqdm
from transformers import (AutoModelForSequenceClassification, AutoTokenizer,
                          get_linear_schedule_with_warmup)

from reranker.data import CandidateDataset, PairDataset, make_collate
from reranker.evaluate import evaluate_reranker


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main(cfg_path):
    cfg = json.loads(Path(cfg_path).read_text())
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)

    tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
    model = AutoModelForSequenceClassification.from_pretrained(cfg["model_name"], num_labels=1)
    model.to(device)

    collate = make_collate(tokenizer, cfg["max_length"])
    train_loader = DataLoader(PairDataset(cfg["train_pairs"]), batch_size=cfg["batch_size"],
                              shuffle=True, collate_fn=collate, num_workers=2)
    dev_loader = DataLoader(CandidateDataset(cfg["dev_candidates"]),
                            batch_size=cfg["eval_batch_size"], shuffle=False, collate_fn=collate)

    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"],
                                  weight_decay=cfg["weight_decay"])
    total_steps = len(train_loader) * cfg["epochs"]
    scheduler = get_linear_schedule_with_warmup(
        optimizer, int(cfg["warmup_ratio"] * total_steps), total_steps)
    loss_fn = torch.nn.BCEWithLogitsLoss()

    best_mrr, bad_epochs = -1.0, 0
    for epoch in range(cfg["epochs"]):
        model.train()
        running = 0.0
        for step, batch in enumerate(tqdm(train_loader, desc=f"epoch {epoch}")):
            labels = batch.pop("extra").float().to(device)
            batch = {k: v.to(device) for k, v in batch.items()}
            logits = model(**batch).logits.squeeze(-1)
            loss = loss_fn(logits, labels)
            optimizer.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            scheduler.step()
            running += loss.item()

        metrics = evaluate_reranker(model, dev_loader, device)
        print(f"epoch {epoch} train_loss={running / len(train_loader):.4f} {metrics}")
        if metrics["mrr@10"] > best_mrr:
            best_mrr, bad_epochs = metrics["mrr@10"], 0
            model.save_pretrained(out_dir / "best")
            tokenizer.save_pretrained(out_dir / "best")
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print("early stopping")
                break

    print(f"best dev MRR@10: {best_mrr:.4f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "configs/train.json")
