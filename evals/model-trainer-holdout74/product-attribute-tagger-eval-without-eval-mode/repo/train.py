"""Train the BiLSTM product-title attribute tagger.

    python train.py config.json
"""
import json
import random
import sys
from pathlib import Path

import numpy as np
import torch
from torch.utils.data import DataLoader

from attr_tagger.data import TitleDataset, build_vocabs, collate, read_jsonl
from attr_tagger.engine import evaluate, train_one_epoch
from attr_tagger.model import BiLSTMTagger


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main(cfg_path):
    cfg = json.loads(Path(cfg_path).read_text())
    seed_everything(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_rows = read_jsonl(cfg["train_file"])
    dev_rows = read_jsonl(cfg["dev_file"])
    test_rows = read_jsonl(cfg["test_file"])
    words, tags = build_vocabs(train_rows, min_freq=cfg["min_freq"])
    print(f"train={len(train_rows)} dev={len(dev_rows)} test={len(test_rows)} vocab={len(words)} tags={tags.itos}")

    g = torch.Generator().manual_seed(cfg["seed"])
    train_dl = DataLoader(TitleDataset(train_rows, words, tags), batch_size=cfg["batch_size"], shuffle=True,
                          collate_fn=collate, generator=g)
    dev_dl = DataLoader(TitleDataset(dev_rows, words, tags), batch_size=256, collate_fn=collate)
    test_dl = DataLoader(TitleDataset(test_rows, words, tags), batch_size=256, collate_fn=collate)

    model = BiLSTMTagger(len(words), len(tags), emb_dim=cfg["emb_dim"], hidden=cfg["hidden"],
                         dropout=cfg["dropout"]).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=1e-4)
    scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="max", factor=0.5, patience=2)

    ckpt = Path(cfg["checkpoint"])
    ckpt.parent.mkdir(parents=True, exist_ok=True)
    best_f1, stale = -1.0, 0
    for epoch in range(1, cfg["epochs"] + 1):
        train_loss = train_one_epoch(model, train_dl, optimizer, device)
        dev = evaluate(model, dev_dl, tags, device)
        scheduler.step(dev["f1"])
        print(f"epoch {epoch:02d} train_loss={train_loss:.4f} dev_loss={dev['loss']:.4f} dev_f1={dev['f1']:.4f}")
        if dev["f1"] > best_f1:
            best_f1, stale = dev["f1"], 0
            torch.save({"model": model.state_dict(), "words": words.itos, "tags": tags.itos}, ckpt)
        else:
            stale += 1
            if stale >= cfg["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(ckpt)["model"])
    test = evaluate(model, test_dl, tags, device)
    print(json.dumps({"best_dev_f1": best_f1, "test": test}, indent=2))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "config.json")
